package dev.kubeward.api.report.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The archive of generated reports; rows are insert-only (a database trigger refuses updates). */
@Repository
public class Reports {

    /** What the archive lists: who, when, scope, hash, without the (large) renderings. */
    public record Meta(UUID id, String framework, String scope, Instant periodFrom, Instant periodTo, Double score, String generatedBy,
                       Instant generatedAt, UUID scheduleId, String contentHash, int pdfBytes) {
    }

    private static final String META = """
            SELECT id, framework, scope::text, period_from, period_to, score, generated_by, generated_at, schedule_id, content_hash,
                   octet_length(pdf) FROM reports""";
    private static final RowMapper<Meta> ROW = (rs, i) -> new Meta(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getBigDecimal(6) == null ? null : rs.getBigDecimal(6).doubleValue(),
            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getObject(9, UUID.class), rs.getString(10), rs.getInt(11));

    private final JdbcTemplate jdbc;

    public Reports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, Meta m, String scopeJson, String content, String html, byte[] pdf) {
        jdbc.update("""
                INSERT INTO reports (id, tenant_id, framework, scope, period_from, period_to, score, generated_by, generated_at, schedule_id,
                                     content, content_hash, html, pdf)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.id(), tenant, m.framework(), scopeJson, Timestamp.from(m.periodFrom()), Timestamp.from(m.periodTo()),
                m.score() == null ? null : java.math.BigDecimal.valueOf(m.score()), m.generatedBy(), Timestamp.from(m.generatedAt()),
                m.scheduleId(), content, m.contentHash(), html, pdf);
    }

    public List<Meta> list(UUID tenant, int limit, int offset) {
        return jdbc.query(META + " WHERE tenant_id = ? ORDER BY generated_at DESC LIMIT ? OFFSET ?", ROW, tenant, limit, offset);
    }

    public Optional<Meta> find(UUID tenant, UUID id) {
        return jdbc.query(META + " WHERE tenant_id = ? AND id = ?", ROW, tenant, id).stream().findFirst();
    }

    public Optional<String> content(UUID tenant, UUID id) {
        return jdbc.queryForList("SELECT content FROM reports WHERE tenant_id = ? AND id = ?", String.class, tenant, id).stream().findFirst();
    }

    public Optional<String> html(UUID tenant, UUID id) {
        return jdbc.queryForList("SELECT html FROM reports WHERE tenant_id = ? AND id = ?", String.class, tenant, id).stream().findFirst();
    }

    public Optional<byte[]> pdf(UUID tenant, UUID id) {
        return jdbc.query("SELECT pdf FROM reports WHERE tenant_id = ? AND id = ?", (rs, i) -> rs.getBytes(1), tenant, id).stream().findFirst();
    }
}
