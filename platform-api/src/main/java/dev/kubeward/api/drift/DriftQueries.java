package dev.kubeward.api.drift;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.drift.Drift.ChangedFinding;
import dev.kubeward.api.drift.Drift.ObjectChange;
import dev.kubeward.api.drift.Drift.ScanRef;
import dev.kubeward.api.finding.FindingSql;
import dev.kubeward.api.finding.internal.FindingRows;
import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kubeward.api.query.Rows.instant;

/** Drift between two scans of a cluster, by default its last two. */
@Service
public class DriftQueries {

    private static final String FINDINGS = """
            SELECT * FROM (
              SELECT y.change, %s, row_number() OVER (PARTITION BY y.change = 'resolved' ORDER BY %s DESC, f.id) AS rn,
                     count(*) OVER (PARTITION BY y.change = 'resolved') AS n
                FROM (SELECT DISTINCT ON (fc.finding_id) fc.finding_id, fc.change
                        FROM finding_changes fc JOIN scans s ON s.tenant_id = fc.tenant_id AND s.id = fc.scan_id
                       WHERE fc.tenant_id = ? AND s.cluster_id = ? AND s.scanned_at > ? AND s.scanned_at <= ?
                       ORDER BY fc.finding_id, s.scanned_at DESC) y
                JOIN findings f ON f.tenant_id = ? AND f.id = y.finding_id
                JOIN clusters c ON c.tenant_id = f.tenant_id AND c.id = f.cluster_id) z
             WHERE rn <= ? ORDER BY change = 'resolved', rn
            """.formatted(FindingRows.COLUMNS, FindingSql.SEVERITY_RANK);
    private static final String OBJECTS = """
            SELECT kind, namespace, name, change, count(*) OVER () AS n, count(*) FILTER (WHERE change = 'added') OVER () AS added,
                   count(*) FILTER (WHERE change = 'removed') OVER () AS removed
              FROM (SELECT DISTINCT ON (rc.kind, rc.namespace, rc.name) rc.kind, rc.namespace, rc.name, rc.change
                      FROM resource_changes rc JOIN scans s ON s.tenant_id = rc.tenant_id AND s.id = rc.scan_id
                     WHERE rc.tenant_id = ? AND s.cluster_id = ? AND s.scanned_at > ? AND s.scanned_at <= ?
                     ORDER BY rc.kind, rc.namespace, rc.name, s.scanned_at DESC) y
             ORDER BY change, kind, namespace, name LIMIT ?
            """;

    private final JdbcTemplate jdbc;
    private final ClusterQueries clusters;

    public DriftQueries(JdbcTemplate jdbc, ClusterQueries clusters) {
        this.jdbc = jdbc;
        this.clusters = clusters;
    }

    /** {@code from}/{@code to} null: the cluster's last two scans. */
    public Drift drift(UUID clusterId, UUID from, UUID to, int limit) {
        clusters.requireName(clusterId);
        int cap = Math.max(1, Math.min(limit, 5000));
        UUID tenant = Tenant.current();
        ScanRef end = to != null ? scan(tenant, clusterId, to) : latest(tenant, clusterId, null);
        if (end == null) throw new NotFoundException("scan of cluster", clusterId);
        ScanRef start = from != null ? scan(tenant, clusterId, from) : latest(tenant, clusterId, end.scannedAt());
        if (start != null && !start.scannedAt().isBefore(end.scannedAt())) throw new BadRequestException("from must be a scan before to");
        Timestamp lo = Timestamp.from(start == null ? Instant.EPOCH : start.scannedAt());
        Timestamp hi = Timestamp.from(end.scannedAt());
        Map<Boolean, Integer> findingCounts = new HashMap<>();
        List<ChangedFinding> appeared = new ArrayList<>(), resolved = new ArrayList<>();
        jdbc.query(FINDINGS, rs -> {
            boolean isResolved = "resolved".equals(rs.getString("change"));
            findingCounts.put(isResolved, rs.getInt("n"));
            (isResolved ? resolved : appeared).add(new ChangedFinding(rs.getString("change"), FindingRows.summary(rs)));
        }, tenant, clusterId, lo, hi, tenant, cap);
        int[] objectCounts = new int[3];
        List<ObjectChange> objects = new ArrayList<>();
        jdbc.query(OBJECTS, rs -> {
            objectCounts[0] = rs.getInt("n");
            objectCounts[1] = rs.getInt("added");
            objectCounts[2] = rs.getInt("removed");
            objects.add(new ObjectChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }, tenant, clusterId, lo, hi, cap);
        Drift.Counts counts = new Drift.Counts(findingCounts.getOrDefault(false, 0), findingCounts.getOrDefault(true, 0),
                objectCounts[1], objectCounts[2], objectCounts[0] - objectCounts[1] - objectCounts[2]);
        boolean truncated = counts.newFindings() > appeared.size() || counts.resolvedFindings() > resolved.size() || objectCounts[0] > objects.size();
        return new Drift(clusterId, start, end, counts, appeared, resolved, objects, truncated);
    }

    private ScanRef scan(UUID tenant, UUID clusterId, UUID scanId) {
        List<ScanRef> s = jdbc.query("SELECT id, scanned_at FROM scans WHERE tenant_id = ? AND cluster_id = ? AND id = ?",
                (rs, i) -> new ScanRef(rs.getObject(1, UUID.class), instant(rs, 2)), tenant, clusterId, scanId);
        if (s.isEmpty()) throw new NotFoundException("scan", scanId);
        return s.get(0);
    }

    /** The newest scan, or the newest before {@code before}. */
    private ScanRef latest(UUID tenant, UUID clusterId, Instant before) {
        List<ScanRef> s = jdbc.query("""
                SELECT id, scanned_at FROM scans WHERE tenant_id = ? AND cluster_id = ? AND (?::timestamptz IS NULL OR scanned_at < ?::timestamptz)
                 ORDER BY scanned_at DESC, id DESC LIMIT 1
                """, (rs, i) -> new ScanRef(rs.getObject(1, UUID.class), instant(rs, 2)), tenant, clusterId,
                before == null ? null : Timestamp.from(before), before == null ? null : Timestamp.from(before));
        return s.isEmpty() ? null : s.get(0);
    }
}
