package dev.kubeward.api.alert.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What rules read from scans and findings (tenant in scope). */
@Repository
public class AlertFacts {

    public record NewFinding(long id, String controlId, String severity, String kind, String namespace, String name) {
    }

    public record SilentCluster(UUID id, String name, Instant lastSnapshot) {
    }

    private final JdbcTemplate jdbc;

    public AlertFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> clusterName(UUID tenant, UUID cluster) {
        return jdbc.queryForList("SELECT name FROM clusters WHERE tenant_id = ? AND id = ?", String.class, tenant, cluster).stream().findFirst();
    }

    /** Whether the scan is the cluster's first (no earlier scan): its findings are a baseline, not news. */
    public boolean firstScan(UUID tenant, UUID cluster, UUID scan) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT NOT EXISTS (SELECT 1 FROM scans p, scans s WHERE s.tenant_id = ? AND s.id = ? AND p.tenant_id = s.tenant_id
                                     AND p.cluster_id = ? AND p.scanned_at < s.scanned_at)""", Boolean.class, tenant, scan, cluster));
    }

    /** Findings the scan opened or reopened, at one of the severities, that no exception covers; most severe first. */
    public List<NewFinding> opened(UUID tenant, UUID scan, List<String> severities) {
        return jdbc.query("""
                SELECT f.id, f.control_id, f.severity, f.kind, f.namespace, f.name
                  FROM finding_changes c JOIN findings f ON f.tenant_id = c.tenant_id AND f.id = c.finding_id
                 WHERE c.tenant_id = ? AND c.scan_id = ? AND c.change IN ('new', 'reopened') AND f.status = 'open'
                   AND f.excepted_by IS NULL AND f.severity = ANY (?)
                 ORDER BY CASE f.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END DESC, f.control_id, f.id""",
                (rs, i) -> new NewFinding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                tenant, scan, severities.toArray(String[]::new));
    }

    /** The framework score of this scan and of the cluster's scan before it (either may be null). */
    public Double[] scoreAndPrevious(UUID tenant, UUID cluster, UUID scan, String framework) {
        Double now = jdbc.queryForList("SELECT score FROM scan_framework_scores WHERE tenant_id = ? AND scan_id = ? AND framework = ?",
                java.math.BigDecimal.class, tenant, scan, framework).stream().findFirst().map(java.math.BigDecimal::doubleValue).orElse(null);
        Double before = jdbc.queryForList("""
                SELECT p.score FROM scan_framework_scores p JOIN scans s ON s.tenant_id = p.tenant_id AND s.id = ?
                 WHERE p.tenant_id = ? AND p.cluster_id = ? AND p.framework = ? AND p.scanned_at < s.scanned_at
                 ORDER BY p.scanned_at DESC LIMIT 1""", java.math.BigDecimal.class, scan, tenant, cluster, framework)
                .stream().findFirst().map(x -> x == null ? null : x.doubleValue()).orElse(null);
        return new Double[] {now, before};
    }

    /** Clusters of the tenant whose last snapshot (or registration, if none came) is older than {@code since}. */
    public List<SilentCluster> silentSince(UUID tenant, Instant since) {
        return jdbc.query("""
                SELECT id, name, coalesce(last_snapshot_at, created_at) FROM clusters
                 WHERE tenant_id = ? AND coalesce(last_snapshot_at, created_at) < ? ORDER BY name""",
                (rs, i) -> new SilentCluster(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()),
                tenant, Timestamp.from(since));
    }

    /** Tenants with an enabled rule of the kind (system scope). */
    public List<UUID> tenantsWithRule(String kind) {
        return jdbc.queryForList("SELECT DISTINCT tenant_id FROM alert_rules WHERE kind = ? AND enabled", UUID.class, kind);
    }
}
