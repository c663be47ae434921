package dev.kubeward.api.tenant;

import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.security.TenantAuthentication;
import dev.kubeward.api.tenant.Memberships.Membership;
import dev.kubeward.db.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts the request's tenant into {@link TenantContext} for the whole request and clears it afterwards.
 * The tenant comes from the authenticated principal only: an API token's or a JWT's member (already a
 * {@link TenantAuthentication}), or the session user's chosen membership ({@link #SESSION_TENANT}, which
 * only {@code TenantSwitchController} sets, after checking the membership). For sessions the membership is
 * read again on every request, so a removed user loses access at once. Runs just before authorization.
 */
public class TenantFilter extends OncePerRequestFilter {

    /** Session attribute: the tenant the signed-in user chose (a UUID). */
    public static final String SESSION_TENANT = "kubeward.tenant";
    /** Request attribute with the {@link LayoutModel} for the page layout. */
    public static final String LAYOUT = "kw";

    private final Memberships memberships;
    private final boolean ui;

    public TenantFilter(Memberships memberships, boolean ui) {
        this.memberships = memberships;
        this.ui = ui;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        KubewardPrincipal member = null;
        if (auth instanceof TenantAuthentication t) {
            member = t.getPrincipal();
        } else if (ui && auth != null && auth.getPrincipal() instanceof ProvisionedUser user) {
            member = sessionMember(request, user).orElse(null);
            if (member == null && !request.getRequestURI().startsWith(request.getContextPath() + "/auth/")) {
                response.sendRedirect(request.getContextPath() + "/auth/no-tenant");
                return;
            }
            if (member != null) {
                SecurityContext ctx = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                ctx.setAuthentication(new TenantAuthentication(member, auth));
                SecurityContextHolder.getContextHolderStrategy().setContext(ctx);
            }
            request.setAttribute(LAYOUT, new LayoutModel(member, user, memberships));
        }
        if (member == null) {
            chain.doFilter(request, response);
            return;
        }
        TenantContext.set(member.tenantId());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }

    private Optional<KubewardPrincipal> sessionMember(HttpServletRequest request, ProvisionedUser user) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_TENANT);
        Optional<Membership> m = chosen instanceof UUID id ? memberships.in(id, user.userId()) : Optional.empty();
        if (m.isEmpty()) {
            List<Membership> all = memberships.of(user.userId());
            if (all.isEmpty()) return Optional.empty();
            m = Optional.of(all.get(0));
            if (session != null) session.setAttribute(SESSION_TENANT, all.get(0).tenantId());
        }
        Membership x = m.get();
        return Optional.of(new KubewardPrincipal(KubewardPrincipal.Kind.USER, x.tenantId(), x.slug(), x.name(), x.role(),
                user.userId(), null, user.email() != null ? user.email() : user.displayName(), user.displayName()));
    }
}
