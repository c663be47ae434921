package dev.kubeward.api.security;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who a request acts as, once its tenant is known: a member of one tenant with one role. Every
 * authenticated request of the API and the UI carries one (user session, API token or bearer JWT), and
 * the tenant of the request is taken from here only.
 *
 * @param userId  the user, for sessions and JWTs; null for API tokens
 * @param tokenId the API token, for token requests; null otherwise
 * @param name    how the actor appears in the audit log (an email, or {@code token:<name>})
 */
public record KubewardPrincipal(Kind kind, UUID tenantId, String tenantSlug, String tenantName, Role role,
                                UUID userId, UUID tokenId, String name, String displayName) implements AuthenticatedPrincipal, Serializable {

    public enum Kind { USER, TOKEN, JWT }

    @Override
    public String getName() {
        return name;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean can(Role needed) {
        return role.includes(needed);
    }
}
