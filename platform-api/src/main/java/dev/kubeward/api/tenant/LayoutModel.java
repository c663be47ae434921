package dev.kubeward.api.tenant;

import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.tenant.Memberships.Membership;

import java.util.List;

/**
 * What the shared page layout ({@code templates/layout.html}) shows: the member, the tenant switcher and
 * the user menu. Exposed to every UI page as the request attribute {@code kw}.
 */
public final class LayoutModel {

    private final KubewardPrincipal member;
    private final ProvisionedUser user;
    private final Memberships memberships;
    private List<Membership> tenants;

    LayoutModel(KubewardPrincipal member, ProvisionedUser user, Memberships memberships) {
        this.member = member;
        this.user = user;
        this.memberships = memberships;
    }

    public KubewardPrincipal getMember() {
        return member;
    }

    public String getUserName() {
        return user.displayName() != null ? user.displayName() : user.email();
    }

    public String getEmail() {
        return user.email();
    }

    public String getRole() {
        return member == null ? "" : member.role().dbValue();
    }

    public boolean isAdmin() {
        return member != null && member.isAdmin();
    }

    /** All tenants of the user, for the switcher; read when the page renders. */
    public List<Membership> getTenants() {
        if (tenants == null) tenants = memberships.of(user.userId());
        return tenants;
    }
}
