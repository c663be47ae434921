package dev.kubeward.api.tenant;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.security.Role;
import dev.kubeward.db.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creates or refreshes the user record at every sign-in and, on the way, puts the person into tenants:
 * open invitations addressed to their (verified) email, and — when {@code kubeward.identity.tenant-claim}
 * names a claim — the existing tenants whose slugs that claim lists, with
 * {@code kubeward.identity.tenant-claim-role}. Never creates tenants and never lowers an existing role.
 * Runs before any tenant is known, hence the system scope; each join is audited in its tenant.
 */
@Component
public class UserProvisioning {

    private static final Logger log = LoggerFactory.getLogger(UserProvisioning.class);

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final String tenantClaim;
    private final Role claimRole;
    private final Set<String> trustedEmailIssuers;

    public UserProvisioning(JdbcTemplate jdbc, AuditLog audit,
                            @Value("${kubeward.identity.tenant-claim:}") String tenantClaim,
                            @Value("${kubeward.identity.tenant-claim-role:viewer}") String claimRole,
                            @Value("${kubeward.identity.trust-unverified-email-issuers:}") Set<String> trustedEmailIssuers) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tenantClaim = tenantClaim;
        this.claimRole = Role.parse(claimRole) == null ? Role.VIEWER : Role.parse(claimRole);
        this.trustedEmailIssuers = trustedEmailIssuers;
    }

    /** Provisions and returns the user id. */
    public UUID provision(IdentityClaims id) {
        return TenantContext.callAsSystem("provision a user at sign-in (before any tenant is chosen)", () -> {
            UUID userId = jdbc.queryForObject("""
                    INSERT INTO users (id, issuer, subject, email, display_name, last_login_at) VALUES (?, ?, ?, ?, ?, now())
                    ON CONFLICT (issuer, subject) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name,
                        last_login_at = now()
                    RETURNING id""", UUID.class, UUID.randomUUID(), id.issuer(), id.subject(), id.email(), id.displayName());
            if (id.email() != null && (id.emailVerified() || trustedEmailIssuers.contains(id.issuer()))) acceptInvitations(userId, id);
            joinClaimedTenants(userId, id);
            return userId;
        });
    }

    private void acceptInvitations(UUID userId, IdentityClaims id) {
        List<Map<String, Object>> open = jdbc.queryForList(
                "SELECT id, tenant_id, role FROM invitations WHERE lower(email) = lower(?) AND accepted_at IS NULL", id.email());
        for (Map<String, Object> inv : open) {
            UUID tenant = (UUID) inv.get("tenant_id");
            Role role = Role.fromDb((String) inv.get("role"));
            join(tenant, userId, role, id, "invitation");
            jdbc.update("UPDATE invitations SET accepted_at = now() WHERE id = ?", inv.get("id"));
        }
    }

    private void joinClaimedTenants(UUID userId, IdentityClaims id) {
        for (String slug : id.values(tenantClaim)) {
            List<UUID> tenant = jdbc.queryForList("SELECT id FROM tenants WHERE slug = ?", UUID.class, slug);
            if (tenant.isEmpty()) {
                log.info("sign-in of {} names tenant '{}' in claim {}, which does not exist; ignored", id.subject(), slug, tenantClaim);
                continue;
            }
            join(tenant.get(0), userId, claimRole, id, "claim " + tenantClaim);
        }
    }

    private void join(UUID tenant, UUID userId, Role role, IdentityClaims id, String via) {
        int added = jdbc.update("INSERT INTO memberships (tenant_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                tenant, userId, role.dbValue());
        if (added == 1) {
            String actor = id.email() != null ? id.email() : id.subject();
            TenantContext.runAs(tenant, () -> audit.record(tenant, actor, null, "user.joined", "user:" + userId,
                    Map.of("role", role.dbValue(), "via", via)));
        }
    }
}
