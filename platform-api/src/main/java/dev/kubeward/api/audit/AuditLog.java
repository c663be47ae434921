package dev.kubeward.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.db.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit log: who did what to which target, when and from where, per tenant. Every admin action calls
 * {@link #record(String, String, Map)}; the actor, tenant and source address come from the request, so a
 * caller cannot misattribute an entry. Details must never carry a secret (tokens, cluster secrets).
 */
@Component
public class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry as read back. */
    public record Entry(long id, Instant at, String actor, String action, String target, String details, String sourceIp) {
    }

    /** Records an action of the current request's member in its tenant. */
    public void record(String action, String target, Map<String, ?> details) {
        KubewardPrincipal who = CurrentTenant.require();
        record(who.tenantId(), who.name(), sourceIp(), action, target, details);
    }

    /** Records an action with an explicit actor (sign-in provisioning, where no member exists yet). */
    public void record(UUID tenantId, String actor, String sourceIp, String action, String target, Map<String, ?> details) {
        String ip = sourceIp != null ? sourceIp : sourceIp();
        TenantContext.runAs(tenantId, () -> jdbc.update(
                "INSERT INTO audit_log (tenant_id, actor, action, target, details, source_ip) VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                tenantId, actor, action, target, json(details), ip));
    }

    /** A page of the current tenant's log, newest first. */
    public List<Entry> page(int page, int size) {
        UUID tenant = TenantContext.require();
        return jdbc.query("""
                SELECT id, at, actor, action, target, details::text, source_ip FROM audit_log
                WHERE tenant_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), tenant, size, (long) page * size);
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE tenant_id = ?", Long.class, TenantContext.require());
    }

    /** Streams the whole log of the current tenant, oldest first, in bounded memory. */
    public void forEach(Instant since, java.util.function.Consumer<Entry> sink) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    SELECT id, at, actor, action, target, details::text, source_ip FROM audit_log
                    WHERE tenant_id = ? AND at >= ? ORDER BY at, id""");
            ps.setObject(1, TenantContext.require());
            ps.setTimestamp(2, Timestamp.from(since == null ? Instant.EPOCH : since));
            ps.setFetchSize(500);
            return ps;
        }, rs -> {
            sink.accept(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7)));
        });
    }

    /** The client address as the servlet container sees it (behind a proxy: set server.forward-headers-strategy). */
    public static String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest r = a.getRequest();
            return r.getRemoteAddr();
        }
        return null;
    }

    private static String json(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON-serialisable", e);
        }
    }
}
