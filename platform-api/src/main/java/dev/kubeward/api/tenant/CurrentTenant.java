package dev.kubeward.api.tenant;

import dev.kubeward.api.security.KubewardPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * The member the current request acts as. Controllers take the tenant from here (or from
 * {@code TenantContext.require()}, which {@link TenantFilter} sets from the same principal) — never from a
 * request parameter.
 */
public final class CurrentTenant {

    private CurrentTenant() {
    }

    public static Optional<KubewardPrincipal> member() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof KubewardPrincipal p ? Optional.of(p) : Optional.empty();
    }

    public static KubewardPrincipal require() {
        return member().orElseThrow(() -> new IllegalStateException("no tenant member in this request"));
    }
}
