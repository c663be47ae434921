package dev.kubeward.worker.finding.internal;

import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.worker.finding.ScanSummary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The snapshot, scan, per-scan summary and cluster rows a scan writes. Call inside the scan's transaction,
 * in the tenant's scope.
 */
public class Scans {

    // The row lock taken here is held until commit: a second worker that completed the same snapshot
    // (a rebalance moved the partition mid-scan) waits, then finds it scanned and writes nothing.
    private static final String CLAIM = """
            UPDATE snapshots SET status = 'scanned', completed_at = now()
             WHERE tenant_id = ? AND id = ? AND status = 'receiving'
            """;
    private static final String SUPERSEDE = """
            UPDATE snapshots SET status = 'expired', reason = ? WHERE tenant_id = ? AND id = ?
            """;
    private static final String LAST_SCANNED_SNAPSHOT = """
            SELECT s.snapshot_id FROM clusters c JOIN scans s ON s.tenant_id = c.tenant_id AND s.id = c.last_scan_id
             WHERE c.tenant_id = ? AND c.id = ?
            """;
    private static final String INSERT_SCAN = """
            INSERT INTO scans (id, tenant_id, cluster_id, snapshot_id, scanned_at, object_count, open_critical, open_high,
                               open_medium, open_low, new_findings, resolved_findings, library_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_FRAMEWORK_SCORE = """
            INSERT INTO scan_framework_scores (tenant_id, scan_id, cluster_id, framework, scanned_at, score, controls_passed,
                                               controls_failed, controls_na, controls_external)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_CONTROL_SUMMARY = """
            INSERT INTO scan_control_summaries (tenant_id, scan_id, cluster_id, control_id, status, failed, passed, scanned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE_CLUSTER = """
            UPDATE clusters
               SET provider = coalesce(?, provider), distribution = coalesce(?, distribution),
                   kubernetes_version = coalesce(?, kubernetes_version), node_count = coalesce(?, node_count),
                   agent_version = coalesce(?, agent_version), last_snapshot_at = ?, last_scan_id = ?
             WHERE tenant_id = ? AND id = ?
            """;
    private static final String DROP_CHUNKS = """
            DELETE FROM snapshot_chunks WHERE tenant_id = ? AND snapshot_id = ?
            """;

    private final JdbcTemplate jdbc;

    public Scans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the snapshot scanned; false when it no longer waits for a scan (another worker did it). */
    public boolean claim(UUID tenantId, UUID snapshotId) {
        return jdbc.update(CLAIM, tenantId, snapshotId) == 1;
    }

    /** The snapshot of the cluster's latest scan, if any. */
    public UUID lastScannedSnapshot(UUID tenantId, UUID clusterId) {
        List<UUID> ids = jdbc.query(LAST_SCANNED_SNAPSHOT, (rs, i) -> rs.getObject(1, UUID.class), tenantId, clusterId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    public void supersede(UUID tenantId, UUID snapshotId, String reason) {
        jdbc.update(SUPERSEDE, reason, tenantId, snapshotId);
        jdbc.update(DROP_CHUNKS, tenantId, snapshotId);
    }

    public void insertScan(UUID tenantId, UUID clusterId, UUID scanId, UUID snapshotId, Instant at, int objectCount,
                           Map<String, Integer> openBySeverity, int newFindings, int resolvedFindings, String libraryVersion) {
        jdbc.update(INSERT_SCAN, scanId, tenantId, clusterId, snapshotId, Timestamp.from(at), objectCount,
                openBySeverity.getOrDefault("critical", 0), openBySeverity.getOrDefault("high", 0),
                openBySeverity.getOrDefault("medium", 0), openBySeverity.getOrDefault("low", 0),
                newFindings, resolvedFindings, libraryVersion);
    }

    public void insertSummaries(UUID tenantId, UUID clusterId, UUID scanId, Instant at, ScanSummary summary) {
        Timestamp ts = Timestamp.from(at);
        jdbc.batchUpdate(INSERT_FRAMEWORK_SCORE, summary.frameworks(), 500, (ps, f) -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, scanId);
            ps.setObject(3, clusterId);
            ps.setString(4, f.framework());
            ps.setTimestamp(5, ts);
            if (f.score() == null) ps.setNull(6, Types.NUMERIC);
            else ps.setBigDecimal(6, java.math.BigDecimal.valueOf(f.score()));
            ps.setInt(7, f.passed());
            ps.setInt(8, f.failed());
            ps.setInt(9, f.notApplicable());
            ps.setInt(10, f.external());
        });
        jdbc.batchUpdate(INSERT_CONTROL_SUMMARY, summary.controls(), 500, (ps, c) -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, scanId);
            ps.setObject(3, clusterId);
            ps.setString(4, c.controlId());
            ps.setString(5, c.status());
            ps.setInt(6, c.failed());
            ps.setInt(7, c.passed());
            ps.setTimestamp(8, ts);
        });
    }

    public void updateCluster(UUID tenantId, UUID clusterId, UUID scanId, ClusterMetadata meta, String agentVersion, Instant snapshotAt) {
        jdbc.update(UPDATE_CLUSTER,
                meta == null || meta.provider() == null ? null : meta.provider().toLowerCase(java.util.Locale.ROOT),
                meta == null ? null : meta.distribution(),
                meta == null ? null : meta.kubernetesVersion(),
                meta == null || meta.nodeCount() <= 0 ? null : meta.nodeCount(),
                agentVersion, Timestamp.from(snapshotAt), scanId, tenantId, clusterId);
    }

    public void dropChunks(UUID tenantId, UUID snapshotId) {
        jdbc.update(DROP_CHUNKS, tenantId, snapshotId);
    }
}
