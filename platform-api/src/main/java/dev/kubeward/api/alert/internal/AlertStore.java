package dev.kubeward.api.alert.internal;

import dev.kubeward.api.alert.AlertRule;
import dev.kubeward.api.alert.AlertTarget;
import dev.kubeward.api.alert.Delivery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Targets, rules and deliveries of the tenant in scope (row-level security), except where a method says otherwise. */
@Repository
public class AlertStore {

    /** A target with what sending needs: the sealed secret. */
    public record SendableTarget(AlertTarget target, byte[] secretCiphertext) {
    }

    private static final RowMapper<AlertTarget> TARGET = (rs, i) -> new AlertTarget(rs.getObject("id", UUID.class), rs.getString("name"),
            rs.getString("kind"), rs.getString("url"), rs.getString("email_to"), rs.getBytes("secret_ciphertext") != null,
            rs.getBoolean("enabled"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<AlertRule> RULE = (rs, i) -> new AlertRule(rs.getObject("id", UUID.class), rs.getString("name"),
            rs.getString("kind"), rs.getObject("target_id", UUID.class), rs.getString("severity"), rs.getString("framework"),
            rs.getBigDecimal("threshold") == null ? null : rs.getBigDecimal("threshold").doubleValue(),
            (Integer) rs.getObject("minutes"), rs.getBoolean("enabled"));
    private static final String DELIVERY_COLUMNS = """
            d.id, d.target_id, t.name AS target_name, t.kind AS target_kind, d.rule_id, d.event_type, d.title, d.payload::text AS payload,
            d.status, d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at
            """;
    private static final RowMapper<Delivery> DELIVERY = (rs, i) -> new Delivery(rs.getLong("id"), rs.getObject("target_id", UUID.class),
            rs.getString("target_name"), rs.getString("target_kind"), rs.getObject("rule_id", UUID.class), rs.getString("event_type"),
            rs.getString("title"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
            (Integer) rs.getObject("last_status_code"), rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("delivered_at")));

    private final JdbcTemplate jdbc;

    public AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertTarget(UUID tenant, AlertTarget t, byte[] secretCiphertext) {
        jdbc.update("""
                INSERT INTO alert_targets (id, tenant_id, name, kind, url, email_to, secret_ciphertext, enabled, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", t.id(), tenant, t.name(), t.kind(), t.url(), t.emailTo(), secretCiphertext,
                t.enabled(), t.createdBy());
    }

    public List<AlertTarget> targets(UUID tenant) {
        return jdbc.query("SELECT * FROM alert_targets WHERE tenant_id = ? ORDER BY name", TARGET, tenant);
    }

    public Optional<SendableTarget> target(UUID tenant, UUID id) {
        return jdbc.query("SELECT * FROM alert_targets WHERE tenant_id = ? AND id = ?",
                (rs, i) -> new SendableTarget(TARGET.mapRow(rs, i), rs.getBytes("secret_ciphertext")), tenant, id).stream().findFirst();
    }

    public boolean deleteTarget(UUID tenant, UUID id) {
        return jdbc.update("DELETE FROM alert_targets WHERE tenant_id = ? AND id = ?", tenant, id) == 1;
    }

    public void insertRule(UUID tenant, AlertRule r, String createdBy) {
        jdbc.update("""
                INSERT INTO alert_rules (id, tenant_id, name, kind, target_id, severity, framework, threshold, minutes, enabled, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.id(), tenant, r.name(), r.kind(), r.targetId(), r.severity(), r.framework(),
                r.threshold() == null ? null : java.math.BigDecimal.valueOf(r.threshold()), r.minutes(), r.enabled(), createdBy);
    }

    public List<AlertRule> rules(UUID tenant) {
        return jdbc.query("SELECT * FROM alert_rules WHERE tenant_id = ? ORDER BY name", RULE, tenant);
    }

    public List<AlertRule> enabledRules(UUID tenant, String kind) {
        return jdbc.query("""
                SELECT r.* FROM alert_rules r JOIN alert_targets t ON t.tenant_id = r.tenant_id AND t.id = r.target_id
                 WHERE r.tenant_id = ? AND r.kind = ? AND r.enabled AND t.enabled ORDER BY r.name""", RULE, tenant, kind);
    }

    public boolean deleteRule(UUID tenant, UUID id) {
        return jdbc.update("DELETE FROM alert_rules WHERE tenant_id = ? AND id = ?", tenant, id) == 1;
    }

    /** Queues a message; a second one with the same dedupe key for the same target is ignored. Returns its id, or empty. */
    public Optional<Long> enqueue(UUID tenant, UUID target, UUID rule, String type, String title, String payloadJson, String dedupeKey) {
        return jdbc.queryForList("""
                INSERT INTO alert_deliveries (tenant_id, target_id, rule_id, event_type, title, payload, dedupe_key, status)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, 'pending')
                ON CONFLICT (tenant_id, dedupe_key, target_id) DO NOTHING RETURNING id""", Long.class,
                tenant, target, rule, type, title, payloadJson, dedupeKey).stream().findFirst();
    }

    public List<Delivery> deliveries(UUID tenant, int limit) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + """
                 FROM alert_deliveries d JOIN alert_targets t ON t.tenant_id = d.tenant_id AND t.id = d.target_id
                 WHERE d.tenant_id = ? ORDER BY d.created_at DESC, d.id DESC LIMIT ?""", DELIVERY, tenant, limit);
    }

    public Optional<Delivery> delivery(UUID tenant, long id) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + """
                 FROM alert_deliveries d JOIN alert_targets t ON t.tenant_id = d.tenant_id AND t.id = d.target_id
                 WHERE d.tenant_id = ? AND d.id = ?""", DELIVERY, tenant, id).stream().findFirst();
    }

    /** A due-delivery handle across tenants. */
    public record Due(UUID tenantId, long id) {
    }

    /**
     * Leases up to {@code limit} due deliveries of all tenants (system scope): their next attempt moves
     * {@code lease} ahead, so another instance, or this one after a crash, picks them up only if no outcome was recorded.
     */
    public List<Due> leaseDue(int limit, java.time.Duration lease) {
        return jdbc.query("""
                UPDATE alert_deliveries d SET next_attempt_at = now() + make_interval(secs => ?)
                 WHERE (d.tenant_id, d.id) IN (SELECT tenant_id, id FROM alert_deliveries
                                                WHERE status = 'pending' AND next_attempt_at <= now()
                                                ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.tenant_id, d.id""", (rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getLong(2)),
                (double) lease.toSeconds(), limit);
    }

    /** Leases one delivery of the tenant in scope now ("send test"); false when another sender holds it. */
    public boolean leaseNow(UUID tenant, long id, java.time.Duration lease) {
        return jdbc.update("""
                UPDATE alert_deliveries SET next_attempt_at = now() + make_interval(secs => ?)
                 WHERE tenant_id = ? AND id = ? AND status = 'pending'""", (double) lease.toSeconds(), tenant, id) == 1;
    }

    public void delivered(UUID tenant, long id, int attempts, Integer statusCode) {
        jdbc.update("""
                UPDATE alert_deliveries SET status = 'delivered', attempts = ?, last_status_code = ?, last_error = NULL, delivered_at = now()
                 WHERE tenant_id = ? AND id = ?""", attempts, statusCode, tenant, id);
    }

    public void attemptFailed(UUID tenant, long id, int attempts, Integer statusCode, String error, Instant nextAttempt) {
        jdbc.update("""
                UPDATE alert_deliveries SET status = CASE WHEN ?::timestamptz IS NULL THEN 'failed' ELSE 'pending' END, attempts = ?,
                       last_status_code = ?, last_error = ?, next_attempt_at = coalesce(?::timestamptz, next_attempt_at)
                 WHERE tenant_id = ? AND id = ?""", ts(nextAttempt), attempts, statusCode, error, ts(nextAttempt), tenant, id);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
