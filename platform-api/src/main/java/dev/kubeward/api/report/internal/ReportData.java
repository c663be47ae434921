package dev.kubeward.api.report.internal;

import dev.kubeward.api.report.ReportScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read side of reports: per-scan summaries (never a COUNT over all findings per control), the latest
 * findings of failed controls for the evidence appendix, and the exceptions that covered them. Every query
 * names the tenant; row-level security is the second wall.
 */
@Repository
public class ReportData {

    /** Findings listed per control in a report; the totals are always complete. */
    public static final int EVIDENCE_PER_CONTROL = 200;

    private final JdbcTemplate jdbc;

    public ReportData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record ClusterRow(UUID id, String name, String provider, String region, String kubernetesVersion, String agentVersion,
                             Instant lastSnapshot) {
    }

    public record ScanRef(UUID clusterId, UUID scanId, Instant scannedAt, String libraryVersion) {
    }

    public record ControlCounts(UUID clusterId, String controlId, String status, int failed, int passed, int excepted) {
    }

    public record ScorePoint(UUID clusterId, Instant at, Double score) {
    }

    public record EvidenceRow(UUID clusterId, String controlId, String kind, String namespace, String name, Instant firstSeen,
                              String failedPaths, String exceptedBy) {
    }

    public record ExceptionRow(UUID id, String name, String status, String reason, String compensatingControl, String owner,
                               String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, Instant expiresAt,
                               String ticketUrl, List<String> controls, String scope, int covered) {
    }

    public String tenantName(UUID tenant) {
        return jdbc.queryForObject("SELECT name FROM tenants WHERE id = ?", String.class, tenant);
    }

    public List<ClusterRow> clusters(UUID tenant, ReportScope scope) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, name, provider, region, kubernetes_version, agent_version, last_snapshot_at FROM clusters WHERE tenant_id = ?""");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (!scope.clusters().isEmpty()) {
            sql.append(" AND id = ANY (?)");
            args.add(scope.clusters().toArray(UUID[]::new));
        }
        if (scope.cloud() != null) {
            sql.append(" AND lower(provider) = ?");
            args.add(scope.cloud());
        }
        sql.append(" ORDER BY name");
        return jdbc.query(sql.toString(), (rs, i) -> new ClusterRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7)), args.toArray());
    }

    /** Each cluster's latest scan at or before {@code at}. */
    public List<ScanRef> latestScans(UUID tenant, List<UUID> clusters, Instant at) {
        if (clusters.isEmpty()) return List.of();
        return jdbc.query("""
                SELECT DISTINCT ON (cluster_id) cluster_id, id, scanned_at, library_version FROM scans
                 WHERE tenant_id = ? AND cluster_id = ANY (?) AND scanned_at <= ?
                 ORDER BY cluster_id, scanned_at DESC""", (rs, i) -> new ScanRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                instant(rs, 3), rs.getString(4)), tenant, clusters.toArray(UUID[]::new), Timestamp.from(at));
    }

    public List<ControlCounts> controlCounts(UUID tenant, List<UUID> scans, List<String> controls) {
        if (scans.isEmpty()) return List.of();
        return jdbc.query("""
                SELECT cluster_id, control_id, status, failed, passed, excepted FROM scan_control_summaries
                 WHERE tenant_id = ? AND scan_id = ANY (?) AND control_id = ANY (?)""",
                (rs, i) -> new ControlCounts(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)), tenant, scans.toArray(UUID[]::new), controls.toArray(String[]::new));
    }

    /** The framework score of every scan of the clusters in the period (trend), oldest first. */
    public List<ScorePoint> scores(UUID tenant, String framework, List<UUID> clusters, Instant from, Instant to) {
        if (clusters.isEmpty()) return List.of();
        return jdbc.query("""
                SELECT cluster_id, scanned_at, score FROM scan_framework_scores
                 WHERE tenant_id = ? AND framework = ? AND cluster_id = ANY (?) AND scanned_at BETWEEN ? AND ?
                 ORDER BY scanned_at""", (rs, i) -> new ScorePoint(rs.getObject(1, UUID.class), instant(rs, 2),
                rs.getBigDecimal(3) == null ? null : rs.getBigDecimal(3).doubleValue()), tenant, framework, clusters.toArray(UUID[]::new),
                Timestamp.from(from), Timestamp.from(to));
    }

    /** Open findings of the given controls, at most {@link #EVIDENCE_PER_CONTROL} per control, stable order. */
    public List<EvidenceRow> evidence(UUID tenant, List<UUID> clusters, List<String> controls) {
        if (clusters.isEmpty() || controls.isEmpty()) return List.of();
        return jdbc.query("""
                SELECT cluster_id, control_id, kind, namespace, name, first_seen, failed_paths, excepted_name FROM (
                    SELECT f.cluster_id, f.control_id, f.kind, f.namespace, f.name, f.first_seen, f.failed_paths::text AS failed_paths,
                           e.name AS excepted_name,
                           row_number() OVER (PARTITION BY f.control_id ORDER BY f.cluster_id, f.namespace, f.kind, f.name) AS rn
                      FROM findings f LEFT JOIN risk_exceptions e ON e.tenant_id = f.tenant_id AND e.id = f.excepted_by
                     WHERE f.tenant_id = ? AND f.cluster_id = ANY (?) AND f.control_id = ANY (?) AND f.status = 'open') x
                 WHERE rn <= ? ORDER BY control_id, rn""", (rs, i) -> new EvidenceRow(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8)),
                tenant, clusters.toArray(UUID[]::new), controls.toArray(String[]::new), EVIDENCE_PER_CONTROL);
    }

    /** Open, not excepted findings by severity and age bucket (days since first seen). */
    public Map<String, Integer> openBySeverityAndAge(UUID tenant, List<UUID> clusters, List<String> controls, Instant asOf) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (clusters.isEmpty()) return out;
        jdbc.query("""
                SELECT severity,
                       CASE WHEN first_seen > ?::timestamptz - interval '7 days' THEN '< 7 days'
                            WHEN first_seen > ?::timestamptz - interval '30 days' THEN '7-30 days' ELSE '> 30 days' END AS age,
                       count(*)
                  FROM findings
                 WHERE tenant_id = ? AND cluster_id = ANY (?) AND control_id = ANY (?) AND status = 'open' AND excepted_by IS NULL
                   AND severity IN ('critical', 'high')
                 GROUP BY 1, 2""", rs -> {
            out.merge(rs.getString(1), rs.getInt(3), Integer::sum);
            out.merge(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3), Integer::sum);
        }, Timestamp.from(asOf), Timestamp.from(asOf), tenant, clusters.toArray(UUID[]::new), controls.toArray(String[]::new));
        return out;
    }

    /** Exceptions in force at some time in the period that concern the framework's controls. */
    public List<ExceptionRow> exceptions(UUID tenant, List<UUID> clusters, List<String> controls, Instant from, Instant to) {
        return jdbc.query("""
                SELECT e.id, e.name, e.status, e.reason, e.compensating_control, e.owner, e.requested_by, e.requested_at, e.decided_by,
                       e.decided_at, e.expires_at, e.ticket_url, e.controls,
                       concat_ws('; ', CASE WHEN cardinality(e.clusters) > 0 THEN 'clusters ' || array_to_string(e.clusters, ', ') END,
                                       CASE WHEN cardinality(e.namespaces) > 0 THEN 'namespaces ' || array_to_string(e.namespaces, ', ') END,
                                       CASE WHEN cardinality(e.kinds) > 0 THEN 'kinds ' || array_to_string(e.kinds, ', ') END,
                                       CASE WHEN cardinality(e.names) > 0 THEN 'names ' || array_to_string(e.names, ', ') END,
                                       CASE WHEN e.labels <> '{}'::jsonb THEN 'labels ' || e.labels::text END) AS scope,
                       (SELECT count(*) FROM findings f WHERE f.tenant_id = e.tenant_id AND f.excepted_by = e.id AND f.status = 'open'
                           AND f.cluster_id = ANY (?)) AS covered
                  FROM risk_exceptions e
                 WHERE e.tenant_id = ? AND e.status IN ('active', 'expired', 'revoked') AND e.decided_at IS NOT NULL
                   AND e.decided_at <= ? AND e.expires_at >= ? AND coalesce(e.revoked_at, 'infinity') >= ?
                   AND (cardinality(e.controls) = 0 OR e.controls && ?::text[])
                 ORDER BY e.expires_at""", (rs, i) -> new ExceptionRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8), rs.getString(9), instant(rs, 10),
                instant(rs, 11), rs.getString(12), array(rs, 13), rs.getString(14), rs.getInt(15)),
                clusters.toArray(UUID[]::new), tenant, Timestamp.from(to), Timestamp.from(from), Timestamp.from(from),
                controls.toArray(String[]::new));
    }

    public static LocalDate day(Instant i) {
        return i.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> array(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
