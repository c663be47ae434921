package dev.kubeward.api.cluster.web;

import dev.kubeward.api.query.SeverityCounts;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of the cluster page that no query service offers yet: coverage of the last scan, its framework
 * scores with control counts, the controls failing most, and namespaces and objects ranked by open findings.
 * Coverage and scores come from per-scan summary rows; the rankings group one cluster's open findings.
 */
@Component
class ClusterPageQueries {

    /** Namespaces Kubernetes and its add-ons own; the page can hide them. */
    static final List<String> SYSTEM_NAMESPACES = List.of("kube-system", "kube-public", "kube-node-lease");

    private final JdbcTemplate jdbc;

    ClusterPageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Coverage(int total, int evaluated, int passed, int failed, int notApplicable, int external, int manual, int notEvaluated) {
    }

    record FrameworkRow(String framework, BigDecimal score, int passed, int failed, int notApplicable, int external) {
    }

    record ControlRow(String controlId, int failed, int passed) {
        public int total() {
            return failed + passed;
        }
    }

    record RankedRow(String kind, String namespace, String name, SeverityCounts open, long risk) {
    }

    Coverage coverage(UUID scanId) {
        Map<String, Integer> by = new LinkedHashMap<>();
        jdbc.query("SELECT status, count(*) FROM scan_control_summaries WHERE tenant_id = ? AND scan_id = ? GROUP BY status",
                rs -> { by.put(rs.getString(1), rs.getInt(2)); }, TenantContext.require(), scanId);
        int passed = by.getOrDefault("passed", 0), failed = by.getOrDefault("failed", 0);
        return new Coverage(by.values().stream().mapToInt(Integer::intValue).sum(), passed + failed, passed, failed,
                by.getOrDefault("not-applicable", 0), by.getOrDefault("requires-external-data", 0), by.getOrDefault("manual", 0),
                by.getOrDefault("not-evaluated", 0));
    }

    List<FrameworkRow> frameworks(UUID scanId) {
        return jdbc.query("""
                SELECT framework, score, controls_passed, controls_failed, controls_na, controls_external
                  FROM scan_framework_scores WHERE tenant_id = ? AND scan_id = ? ORDER BY framework
                """, (rs, i) -> new FrameworkRow(rs.getString(1), rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                TenantContext.require(), scanId);
    }

    List<ControlRow> failingControls(UUID scanId, int limit) {
        return jdbc.query("""
                SELECT control_id, failed, passed FROM scan_control_summaries
                 WHERE tenant_id = ? AND scan_id = ? AND failed > 0 ORDER BY failed DESC, control_id LIMIT ?
                """, (rs, i) -> new ControlRow(rs.getString(1), rs.getInt(2), rs.getInt(3)), TenantContext.require(), scanId, limit);
    }

    // Risk weighs a critical as 10 highs' worth of attention down to 1 for a low: a ranking, not a score.
    private static final String COUNTS = """
            count(*) FILTER (WHERE severity = 'critical') AS c, count(*) FILTER (WHERE severity = 'high') AS h,
            count(*) FILTER (WHERE severity = 'medium') AS m, count(*) FILTER (WHERE severity = 'low') AS l
            """;
    private static final String RISK = "(10 * count(*) FILTER (WHERE severity = 'critical') + 5 * count(*) FILTER (WHERE severity = 'high')"
            + " + 2 * count(*) FILTER (WHERE severity = 'medium') + count(*) FILTER (WHERE severity = 'low'))";

    List<RankedRow> namespaces(UUID clusterId, boolean hideSystem, int limit) {
        return jdbc.query("SELECT namespace, " + COUNTS + ", " + RISK + " AS risk FROM findings"
                        + " WHERE tenant_id = ? AND cluster_id = ? AND status = 'open' AND excepted_by IS NULL"
                        + (hideSystem ? " AND namespace <> ALL(?)" : " AND ?::text[] IS NOT NULL")
                        + " GROUP BY namespace ORDER BY risk DESC, namespace LIMIT ?",
                (rs, i) -> new RankedRow(null, rs.getString(1), null, counts(rs), rs.getLong("risk")),
                TenantContext.require(), clusterId, SYSTEM_NAMESPACES.toArray(String[]::new), limit);
    }

    List<RankedRow> resources(UUID clusterId, boolean hideSystem, int limit) {
        return jdbc.query("SELECT kind, namespace, name, " + COUNTS + ", " + RISK + " AS risk FROM findings"
                        + " WHERE tenant_id = ? AND cluster_id = ? AND status = 'open' AND excepted_by IS NULL"
                        + (hideSystem ? " AND namespace <> ALL(?)" : " AND ?::text[] IS NOT NULL")
                        + " GROUP BY kind, namespace, name ORDER BY risk DESC, count(*) DESC, kind, namespace, name LIMIT ?",
                (rs, i) -> new RankedRow(rs.getString(1), rs.getString(2), rs.getString(3), counts(rs), rs.getLong("risk")),
                TenantContext.require(), clusterId, SYSTEM_NAMESPACES.toArray(String[]::new), limit);
    }

    private static SeverityCounts counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SeverityCounts(rs.getInt("c"), rs.getInt("h"), rs.getInt("m"), rs.getInt("l"));
    }
}
