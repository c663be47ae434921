package dev.kubeward.api.cluster;

import java.util.Map;

/** The cluster list's SQL: one row per cluster with its last scan and a status computed by the database. */
final class ClusterSql {

    static final Map<String, String> SORTS = Map.of(
            "name", "name, id",
            "-critical", "open_critical DESC, open_high DESC, name, id",
            "lastSnapshot", "last_snapshot_at NULLS FIRST, name, id",
            "-lastSnapshot", "last_snapshot_at DESC NULLS LAST, name, id",
            "score", ClusterSql.WORST_FIRST);

    /**
     * Lowest score in the chosen framework first, over {@link #WITH_SCORE}; clusters that are not assessed (stale,
     * pending) go last, as their old score says nothing about now.
     */
    static final String WORST_FIRST = "CASE WHEN status IN ('healthy', 'rejected') THEN 0 ELSE 1 END, fw_score NULLS LAST, name, id";

    // NB: rejected wins over stale: a cluster whose agent keeps sending refused chunks is not merely silent.
    static final String ROWS = """
            SELECT * FROM (
              SELECT c.tenant_id, c.id, c.name, c.provider, c.region, c.kubernetes_version, c.node_count, c.agent_version,
                     c.last_snapshot_at, c.last_scan_id, s.scanned_at, s.object_count,
                     coalesce(s.open_critical, 0) AS open_critical, coalesce(s.open_high, 0) AS open_high,
                     coalesce(s.open_medium, 0) AS open_medium, coalesce(s.open_low, 0) AS open_low,
                     CASE WHEN greatest(c.last_rejection_at, rj.at) > coalesce(c.last_snapshot_at, '-infinity') THEN 'rejected'
                          WHEN c.last_snapshot_at IS NULL THEN 'pending'
                          WHEN c.last_snapshot_at < now() - make_interval(secs => ?) THEN 'stale'
                          ELSE 'healthy' END AS status
                FROM clusters c
                LEFT JOIN scans s ON s.tenant_id = c.tenant_id AND s.id = c.last_scan_id
                LEFT JOIN LATERAL (SELECT max(r.at) AS at FROM snapshot_rejections r
                                    WHERE r.tenant_id = c.tenant_id AND r.cluster_id = c.id) rj ON true
               WHERE c.tenant_id = ?
            ) x
            """;

    /** {@link #ROWS} with the score of one framework in the last scan ({@code fw_score}); the framework binds after ROWS' parameters. */
    static final String WITH_SCORE = """
            SELECT r.*, fs.score AS fw_score FROM (""" + ROWS + """
            ) r LEFT JOIN scan_framework_scores fs ON fs.tenant_id = r.tenant_id AND fs.scan_id = r.last_scan_id AND fs.framework = ?
            """;

    private ClusterSql() {
    }
}
