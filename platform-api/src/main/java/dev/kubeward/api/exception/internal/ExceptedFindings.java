package dev.kubeward.api.exception.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.kubeward.api.exception.ExceptionScope;
import dev.kubeward.contract.ChunkCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads findings to match against exceptions and writes {@code findings.excepted_by} and the per-scan counts
 * that scores are computed from.
 */
@Repository
public class ExceptedFindings {

    /** A finding as matching needs it, with the exception that currently covers it. */
    public record Candidate(long id, ExceptionScope.Target target, boolean open, UUID exceptedBy) {
    }

    /** The counts behind one control's score in a cluster's latest scan. */
    public record ControlCounts(UUID clusterId, UUID scanId, String controlId, String status, int failed, int passed, int excepted) {
    }

    private final JdbcTemplate jdbc;

    public ExceptedFindings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Findings that an exception may cover (their control is named by one, or {@code allControls}) or that one
     * covers now. Labels are read from the resource's latest manifest only when asked.
     */
    public List<Candidate> candidates(UUID tenant, List<String> controls, boolean allControls, boolean withLabels) {
        String sql = """
                SELECT f.id, f.cluster_id, c.name AS cluster_name, f.control_id, f.kind, f.namespace, f.name, f.status, f.excepted_by,
                       %s AS labels
                  FROM findings f JOIN clusters c ON c.tenant_id = f.tenant_id AND c.id = f.cluster_id
                  %s
                 WHERE f.tenant_id = ? AND (f.excepted_by IS NOT NULL OR ? OR f.control_id = ANY (?))""".formatted(
                withLabels ? "(r.body -> 'metadata' -> 'labels')::text" : "NULL::text",
                withLabels ? """
                        LEFT JOIN resources r ON r.tenant_id = f.tenant_id AND r.cluster_id = f.cluster_id AND r.kind = f.kind
                              AND r.namespace = f.namespace AND r.name = f.name""" : "");
        List<Candidate> out = new ArrayList<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql);
            ps.setObject(1, tenant);
            ps.setBoolean(2, allControls);
            ps.setArray(3, con.createArrayOf("text", controls.toArray()));
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            UUID cluster = rs.getObject("cluster_id", UUID.class);
            out.add(new Candidate(rs.getLong("id"), new ExceptionScope.Target(rs.getString("control_id"), cluster.toString(),
                    rs.getString("cluster_name"), rs.getString("kind"), rs.getString("namespace"), rs.getString("name"),
                    labels(rs.getString("labels"))), "open".equals(rs.getString("status")), rs.getObject("excepted_by", UUID.class)));
        });
        return out;
    }

    public void setExceptedBy(UUID tenant, List<Map.Entry<Long, UUID>> changes) {
        jdbc.batchUpdate("UPDATE findings SET excepted_by = ? WHERE tenant_id = ? AND id = ?", changes, 500, (ps, c) -> {
            if (c.getValue() == null) ps.setNull(1, Types.OTHER);
            else ps.setObject(1, c.getValue());
            ps.setObject(2, tenant);
            ps.setLong(3, c.getKey());
        });
    }

    /**
     * Sets {@code scan_control_summaries.excepted} of every cluster's latest scan to the open, excepted findings
     * of that control (never more than failed), and returns those summaries.
     */
    public List<ControlCounts> refreshLatestSummaries(UUID tenant) {
        jdbc.update("""
                UPDATE scan_control_summaries s
                   SET excepted = LEAST(s.failed, COALESCE((SELECT count(*) FROM findings f
                                   WHERE f.tenant_id = s.tenant_id AND f.cluster_id = s.cluster_id AND f.control_id = s.control_id
                                     AND f.status = 'open' AND f.excepted_by IS NOT NULL), 0))
                  FROM clusters c
                 WHERE c.tenant_id = ? AND s.tenant_id = c.tenant_id AND s.scan_id = c.last_scan_id""", tenant);
        // "excepted" changed after the scans: what is cached of their summaries is stale
        jdbc.update("""
                UPDATE scans s SET tallies_version = s.tallies_version + 1 FROM clusters c
                 WHERE c.tenant_id = ? AND s.tenant_id = c.tenant_id AND s.id = c.last_scan_id""", tenant);
        return jdbc.query("""
                SELECT s.cluster_id, s.scan_id, s.control_id, s.status, s.failed, s.passed, s.excepted
                  FROM scan_control_summaries s JOIN clusters c ON c.tenant_id = s.tenant_id AND c.last_scan_id = s.scan_id
                 WHERE s.tenant_id = ?""", (rs, i) -> new ControlCounts(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)), tenant);
    }

    public void updateFrameworkScore(UUID tenant, UUID scanId, String framework, Double score, int passed, int failed) {
        jdbc.update("""
                UPDATE scan_framework_scores SET score = ?, controls_passed = ?, controls_failed = ?
                 WHERE tenant_id = ? AND scan_id = ? AND framework = ?""",
                score == null ? null : java.math.BigDecimal.valueOf(score), passed, failed, tenant, scanId, framework);
    }

    /** Serialises reconciliations of one tenant (scheduler, event listener and API may run at once). */
    public void lockTenant(UUID tenant) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext('kubeward.exceptions'), hashtext(?))", rs -> { }, tenant.toString());
    }

    private static Map<String, String> labels(String json) {
        if (json == null || json.isBlank() || "null".equals(json)) return Map.of();
        try {
            return ChunkCodec.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
