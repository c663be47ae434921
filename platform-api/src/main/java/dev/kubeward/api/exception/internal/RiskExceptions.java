package dev.kubeward.api.exception.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.kubeward.api.exception.ExceptionScope;
import dev.kubeward.api.exception.RiskException;
import dev.kubeward.contract.ChunkCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code risk_exceptions} table. Every method works in the current tenant (row-level security) and names it. */
@Repository
public class RiskExceptions {

    private static final String COLUMNS = """
            id, name, status, controls, clusters, namespaces, kinds, names, labels::text AS labels, reason, compensating_control,
            owner, ticket_url, source, expires_at, requested_by, requested_at, decided_by, decided_at, revoked_by, revoked_at,
            expired_at, match_count, last_matched_at""";

    private final JdbcTemplate jdbc;

    public RiskExceptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, RiskException e) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO risk_exceptions (id, tenant_id, name, status, controls, clusters, namespaces, kinds, names, labels, reason,
                        compensating_control, owner, ticket_url, source, expires_at, requested_by, requested_at, decided_by, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ExceptionScope s = e.scope();
            ps.setObject(1, e.id());
            ps.setObject(2, tenant);
            ps.setString(3, e.name());
            ps.setString(4, e.status());
            ps.setArray(5, con.createArrayOf("text", s.controls().toArray()));
            ps.setArray(6, con.createArrayOf("text", s.clusters().toArray()));
            ps.setArray(7, con.createArrayOf("text", s.namespaces().toArray()));
            ps.setArray(8, con.createArrayOf("text", s.kinds().toArray()));
            ps.setArray(9, con.createArrayOf("text", s.names().toArray()));
            ps.setString(10, json(s.labels()));
            ps.setString(11, e.reason());
            ps.setString(12, e.compensatingControl());
            ps.setString(13, e.owner());
            ps.setString(14, e.ticketUrl());
            ps.setString(15, e.source());
            ps.setTimestamp(16, Timestamp.from(e.expiresAt()));
            ps.setString(17, e.requestedBy());
            ps.setTimestamp(18, Timestamp.from(e.requestedAt()));
            ps.setString(19, e.decidedBy());
            ps.setTimestamp(20, e.decidedAt() == null ? null : Timestamp.from(e.decidedAt()));
            return ps;
        });
    }

    public Optional<RiskException> find(UUID tenant, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_exceptions WHERE tenant_id = ? AND id = ?", ROW, tenant, id).stream().findFirst();
    }

    public boolean nameTaken(UUID tenant, String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM risk_exceptions WHERE tenant_id = ? AND name = ?)",
                Boolean.class, tenant, name));
    }

    /** All of the tenant's exceptions, or those in one status; newest first. */
    public List<RiskException> list(UUID tenant, String status) {
        if (status == null || status.isBlank()) {
            return jdbc.query("SELECT " + COLUMNS + " FROM risk_exceptions WHERE tenant_id = ? ORDER BY requested_at DESC", ROW, tenant);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_exceptions WHERE tenant_id = ? AND status = ? ORDER BY requested_at DESC",
                ROW, tenant, status);
    }

    /** Active exceptions whose expiry falls before {@code until}, soonest first (the review list). */
    public List<RiskException> expiringBefore(UUID tenant, Instant until) {
        return jdbc.query("SELECT " + COLUMNS + " FROM risk_exceptions WHERE tenant_id = ? AND status = 'active' AND expires_at < ?"
                + " ORDER BY expires_at", ROW, tenant, Timestamp.from(until));
    }

    /** Moves a pending exception to active or rejected; false when it was not pending. */
    public boolean decide(UUID tenant, UUID id, String status, String by, Instant at) {
        return jdbc.update("""
                UPDATE risk_exceptions SET status = ?, decided_by = ?, decided_at = ?, updated_at = now()
                 WHERE tenant_id = ? AND id = ? AND status = 'pending'""", status, by, Timestamp.from(at), tenant, id) == 1;
    }

    public boolean revoke(UUID tenant, UUID id, String by, Instant at) {
        return jdbc.update("""
                UPDATE risk_exceptions SET status = 'revoked', revoked_by = ?, revoked_at = ?, updated_at = now()
                 WHERE tenant_id = ? AND id = ? AND status IN ('pending', 'active')""", by, Timestamp.from(at), tenant, id) == 1;
    }

    /** Marks active exceptions past their expiry as expired and returns them (each exactly once). */
    public List<RiskException> expireDue(UUID tenant, Instant now) {
        List<UUID> ids = jdbc.queryForList("""
                UPDATE risk_exceptions SET status = 'expired', expired_at = ?, updated_at = now()
                 WHERE tenant_id = ? AND status = 'active' AND expires_at <= ? RETURNING id""", UUID.class,
                Timestamp.from(now), tenant, Timestamp.from(now));
        return ids.stream().map(id -> find(tenant, id).orElseThrow()).toList();
    }

    public void recordMatches(UUID tenant, UUID id, int count, Instant now) {
        jdbc.update("""
                UPDATE risk_exceptions SET match_count = ?, last_matched_at = CASE WHEN ? > 0 THEN ? ELSE last_matched_at END
                 WHERE tenant_id = ? AND id = ?""", count, count, Timestamp.from(now), tenant, id);
    }

    private static final RowMapper<RiskException> ROW = (rs, i) -> new RiskException(
            rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("status"),
            new ExceptionScope(array(rs, "controls"), array(rs, "clusters"), array(rs, "namespaces"), array(rs, "kinds"),
                    array(rs, "names"), labels(rs.getString("labels"))),
            rs.getString("reason"), rs.getString("compensating_control"), rs.getString("owner"), rs.getString("ticket_url"),
            rs.getString("source"), instant(rs, "expires_at"), rs.getString("requested_by"), instant(rs, "requested_at"),
            rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("revoked_by"), instant(rs, "revoked_at"),
            instant(rs, "expired_at"), rs.getInt("match_count"), instant(rs, "last_matched_at"));

    private static List<String> array(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Map<String, String> labels(String json) {
        try {
            return json == null ? Map.of() : ChunkCodec.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable exception labels", e);
        }
    }

    static String json(Object value) {
        try {
            return ChunkCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
