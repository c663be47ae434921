package dev.kubeward.api.tenant.web;

import dev.kubeward.api.tenant.Memberships;
import dev.kubeward.api.tenant.ProvisionedUser;
import dev.kubeward.api.tenant.TenantFilter;
import dev.kubeward.api.security.TenantAuthentication;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/**
 * The tenant switcher of users in several tenants. The requested tenant is accepted only when the signed-in
 * user is a member of it; from then on {@link TenantFilter} derives the tenant from that membership.
 */
@Controller
class TenantSwitchController {

    private final Memberships memberships;

    TenantSwitchController(Memberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/tenant/switch")
    String switchTo(@RequestParam UUID tenant, HttpSession session) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Object principal = auth instanceof TenantAuthentication t ? t.source().getPrincipal() : null;
        if (!(principal instanceof ProvisionedUser user) || memberships.in(tenant, user.userId()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        session.setAttribute(TenantFilter.SESSION_TENANT, tenant);
        return "redirect:/";
    }
}
