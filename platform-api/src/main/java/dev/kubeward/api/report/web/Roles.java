package dev.kubeward.api.report.web;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.CurrentTenant;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Role checks of the report endpoints (viewers read, analysts generate). */
final class Roles {

    private Roles() {
    }

    static void analyst() {
        if (!CurrentTenant.require().can(Role.ANALYST)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the analyst role");
    }
}
