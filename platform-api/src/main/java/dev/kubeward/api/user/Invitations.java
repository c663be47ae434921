package dev.kubeward.api.user;

import dev.kubeward.api.security.Role;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations of the current tenant: an email and a role. The invited person joins at their next sign-in
 * with a provider that vouches for that email (see {@code UserProvisioning}).
 */
@Component
public class Invitations {

    public record Invitation(UUID id, String email, Role role, String invitedBy, Instant createdAt, Instant acceptedAt) {
    }

    private static final RowMapper<Invitation> ROW = (rs, i) -> new Invitation(rs.getObject(1, UUID.class), rs.getString(2),
            Role.fromDb(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
    private static final String SELECT = "SELECT id, email, role, invited_by, created_at, accepted_at FROM invitations WHERE tenant_id = ?";

    private final JdbcTemplate jdbc;

    public Invitations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Invitation> list() {
        return jdbc.query(SELECT + " ORDER BY created_at DESC, id", ROW, TenantContext.require());
    }

    public Optional<Invitation> find(UUID id) {
        return jdbc.query(SELECT + " AND id = ?", ROW, TenantContext.require(), id).stream().findFirst();
    }

    /** Invites (or re-invites with a new role) an email; idempotent per tenant and email. */
    public Invitation invite(String email, Role role, String invitedBy) {
        UUID tenant = TenantContext.require();
        UUID id = jdbc.queryForObject("""
                INSERT INTO invitations (id, tenant_id, email, role, invited_by) VALUES (?, ?, lower(?), ?, ?)
                ON CONFLICT (tenant_id, email) DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by,
                    created_at = now(), accepted_at = NULL
                RETURNING id""", UUID.class, UUID.randomUUID(), tenant, email.trim(), role.dbValue(), invitedBy);
        return find(id).orElseThrow();
    }

    public boolean revoke(UUID id) {
        return jdbc.update("DELETE FROM invitations WHERE tenant_id = ? AND id = ?", TenantContext.require(), id) == 1;
    }
}
