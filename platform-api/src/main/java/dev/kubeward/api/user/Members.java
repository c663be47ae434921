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

/** The users of the current tenant and their roles. Every query names the tenant; row-level security backs it. */
@Component
public class Members {

    /** A user as a member of the current tenant. */
    public record Member(UUID id, String email, String displayName, Role role, Instant memberSince, Instant lastLoginAt) {
    }

    private static final RowMapper<Member> ROW = (rs, i) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            Role.fromDb(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
    private static final String SELECT = """
            SELECT u.id, u.email, u.display_name, m.role, m.created_at, u.last_login_at
            FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ?""";

    private final JdbcTemplate jdbc;

    public Members(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Member> list() {
        return jdbc.query(SELECT + " ORDER BY lower(coalesce(u.email, u.display_name, '')), u.id", ROW, TenantContext.require());
    }

    public Optional<Member> find(UUID userId) {
        return jdbc.query(SELECT + " AND u.id = ?", ROW, TenantContext.require(), userId).stream().findFirst();
    }

    public boolean changeRole(UUID userId, Role role) {
        return jdbc.update("UPDATE memberships SET role = ? WHERE tenant_id = ? AND user_id = ?", role.dbValue(), TenantContext.require(), userId) == 1;
    }

    public boolean remove(UUID userId) {
        return jdbc.update("DELETE FROM memberships WHERE tenant_id = ? AND user_id = ?", TenantContext.require(), userId) == 1;
    }

    public long admins() {
        return jdbc.queryForObject("SELECT count(*) FROM memberships WHERE tenant_id = ? AND role = 'admin'", Long.class, TenantContext.require());
    }
}
