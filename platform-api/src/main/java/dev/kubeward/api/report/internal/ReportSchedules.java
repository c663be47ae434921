package dev.kubeward.api.report.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Report schedules of the tenant in scope; {@link #due} looks across tenants and must run in system scope. */
@Repository
public class ReportSchedules {

    public record Schedule(UUID id, UUID tenantId, String name, String framework, String scopeJson, int periodDays, int everyDays,
                           UUID targetId, Instant nextRunAt, boolean enabled, String createdBy) {
    }

    private static final String COLUMNS = "id, tenant_id, name, framework, scope::text, period_days, every_days, target_id, next_run_at, enabled, created_by";
    private static final RowMapper<Schedule> ROW = (rs, i) -> new Schedule(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getObject(8, UUID.class),
            rs.getTimestamp(9).toInstant(), rs.getBoolean(10), rs.getString(11));

    private final JdbcTemplate jdbc;

    public ReportSchedules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Schedule s) {
        jdbc.update("""
                INSERT INTO report_schedules (id, tenant_id, name, framework, scope, period_days, every_days, target_id, next_run_at, enabled, created_by)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""", s.id(), s.tenantId(), s.name(), s.framework(), s.scopeJson(),
                s.periodDays(), s.everyDays(), s.targetId(), Timestamp.from(s.nextRunAt()), s.enabled(), s.createdBy());
    }

    public List<Schedule> list(UUID tenant) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_schedules WHERE tenant_id = ? ORDER BY name", ROW, tenant);
    }

    public boolean delete(UUID tenant, UUID id) {
        return jdbc.update("DELETE FROM report_schedules WHERE tenant_id = ? AND id = ?", tenant, id) == 1;
    }

    /** Enabled schedules whose time has come, over all tenants (system scope). */
    public List<Schedule> due(Instant now) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_schedules WHERE enabled AND next_run_at <= ? ORDER BY next_run_at LIMIT 50",
                ROW, Timestamp.from(now));
    }

    /** Moves the schedule on; false when another instance already did (it ran the report). */
    public boolean advance(UUID tenant, UUID id, Instant expected, Instant next) {
        return jdbc.update("UPDATE report_schedules SET next_run_at = ? WHERE tenant_id = ? AND id = ? AND next_run_at = ?",
                Timestamp.from(next), tenant, id, Timestamp.from(expected)) == 1;
    }
}
