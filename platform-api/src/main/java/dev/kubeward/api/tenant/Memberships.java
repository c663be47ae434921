package dev.kubeward.api.tenant;

import dev.kubeward.api.security.Role;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenants a user belongs to and with which role: what every user request's tenant is derived from. */
@Component
public class Memberships {

    /** One membership, with the tenant's names for the switcher. */
    public record Membership(UUID tenantId, String slug, String name, Role role) {
    }

    private final JdbcTemplate jdbc;

    public Memberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All memberships of a user, oldest first. Spans tenants, so it runs before any tenant is chosen. */
    public List<Membership> of(UUID userId) {
        return TenantContext.callAsSystem("list the tenants a signed-in user belongs to", () -> jdbc.query("""
                SELECT t.id, t.slug, t.name, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id
                WHERE m.user_id = ? ORDER BY m.created_at, t.slug""",
                (rs, i) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.fromDb(rs.getString(4))), userId));
    }

    /** The user's membership in one tenant, read inside that tenant (row-level security applies). */
    public Optional<Membership> in(UUID tenantId, UUID userId) {
        return TenantContext.callAs(tenantId, () -> jdbc.query("""
                SELECT t.id, t.slug, t.name, m.role FROM memberships m JOIN tenants t ON t.id = m.tenant_id
                WHERE m.tenant_id = ? AND m.user_id = ?""",
                (rs, i) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.fromDb(rs.getString(4))),
                tenantId, userId).stream().findFirst());
    }

    /** Slug and name of a tenant, read inside it. */
    public Optional<Membership> tenant(UUID tenantId, Role role) {
        return TenantContext.callAs(tenantId, () -> jdbc.query("SELECT id, slug, name FROM tenants WHERE id = ?",
                (rs, i) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), role), tenantId).stream().findFirst());
    }
}
