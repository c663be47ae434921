package dev.kubeward.api.overview.web;

import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two overview reads no query service offers yet: each cluster's recent scores in one framework (the
 * tile sparklines) and what the last days' scans opened and resolved. Both read only per-scan summary rows.
 */
@Component
class OverviewQueries {

    private final JdbcTemplate jdbc;

    OverviewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Cluster id → scores of its scans in the last {@code days} days, oldest first (one per scan), for the given clusters. */
    Map<UUID, List<BigDecimal>> sparklines(String framework, int days, List<UUID> clusters) {
        Map<UUID, List<BigDecimal>> out = new HashMap<>();
        if (clusters.isEmpty()) return out;
        jdbc.query("""
                SELECT cluster_id, score FROM scan_framework_scores
                 WHERE tenant_id = ? AND cluster_id = ANY(?) AND framework = ? AND scanned_at >= ?
                 ORDER BY cluster_id, scanned_at
                """, rs -> {
            out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getBigDecimal(2));
        }, TenantContext.require(), clusters.toArray(UUID[]::new), framework, Timestamp.from(Instant.now().minus(Duration.ofDays(days + 1))));
        return out;
    }

    record Changes(long newFindings, long resolvedFindings, long scans) {
    }

    /** Findings opened and resolved by all scans of the last {@code days} days. */
    Changes changesSince(int days) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(new_findings), 0), coalesce(sum(resolved_findings), 0), count(*) FROM scans
                 WHERE tenant_id = ? AND scanned_at >= ?
                """, (rs, i) -> new Changes(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                TenantContext.require(), Timestamp.from(Instant.now().minus(Duration.ofDays(days))));
    }
}
