package dev.kubeward.api.vuln.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code image_vulnerabilities} (per digest) and {@code workload_vulnerabilities} (per cluster), and the reads prioritisation needs. */
@Component
public class VulnRows {

    /** One advisory matching one package of an image. */
    public record Found(String advisoryId, String cve, String ecosystem, String pkg, String version, String fixedVersion, String severity,
                        Double cvss, String kevDateAdded, Double epss, boolean rce, String summary) {
        public String key() {
            return advisoryId + '\u0000' + ecosystem + '\u0000' + pkg + '\u0000' + version;
        }
    }

    /** A vulnerable image in a workload of the cluster. */
    public record WorkloadVuln(String apiVersion, String kind, String namespace, String name, String digest, String reference, String cve,
                               String severity, Double cvss, String kevDateAdded, Double epss, String fixedVersion, boolean rce) {
    }

    /** A workload whose image(s) have an analysed SBOM, so the vulnerability controls can be evaluated on it. */
    public record Evaluated(String apiVersion, String kind, String namespace, String name) {
    }

    /** A bucketed CVE in a workload. */
    public record Prioritised(String kind, String namespace, String name, String digest, String cve, String severity, String bucket,
                              List<String> reasons, String fixedVersion) {
    }

    private final JdbcTemplate jdbc;

    public VulnRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replaceImage(UUID tenant, String digest, List<Found> found) {
        jdbc.update("DELETE FROM image_vulnerabilities WHERE tenant_id = ? AND digest = ?", tenant, digest);
        jdbc.batchUpdate("""
                INSERT INTO image_vulnerabilities (tenant_id, digest, advisory_id, cve, ecosystem, package, version, fixed_version, severity,
                                                   cvss, kev_date_added, epss, rce, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", found, 1000, (ps, f) -> {
            ps.setObject(1, tenant);
            ps.setString(2, digest);
            ps.setString(3, f.advisoryId());
            ps.setString(4, f.cve());
            ps.setString(5, f.ecosystem());
            ps.setString(6, f.pkg());
            ps.setString(7, f.version());
            ps.setString(8, f.fixedVersion());
            ps.setString(9, f.severity());
            ps.setObject(10, f.cvss(), Types.DOUBLE);
            ps.setString(11, f.kevDateAdded());
            ps.setObject(12, f.epss(), Types.DOUBLE);
            ps.setBoolean(13, f.rce());
            ps.setString(14, f.summary() == null ? "" : f.summary());
        });
    }

    public List<WorkloadVuln> workloadVulns(UUID tenant, UUID cluster) {
        return jdbc.query("""
                SELECT DISTINCT w.api_version, w.kind, w.namespace, w.name, w.digest, min(w.reference) OVER (PARTITION BY w.kind, w.namespace, w.name, w.digest),
                       v.cve, v.severity, v.cvss, v.kev_date_added, v.epss, v.fixed_version, v.rce
                  FROM image_workloads w JOIN image_vulnerabilities v ON v.tenant_id = w.tenant_id AND v.digest = w.digest
                 WHERE w.tenant_id = ? AND w.cluster_id = ?""", (rs, i) -> new WorkloadVuln(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), (Double) rs.getObject(9), rs.getString(10),
                (Double) rs.getObject(11), rs.getString(12), rs.getBoolean(13)), tenant, cluster);
    }

    public List<Evaluated> evaluated(UUID tenant, UUID cluster) {
        return jdbc.query("""
                SELECT DISTINCT w.api_version, w.kind, w.namespace, w.name
                  FROM image_workloads w JOIN image_sboms s ON s.tenant_id = w.tenant_id AND s.digest = w.digest
                 WHERE w.tenant_id = ? AND w.cluster_id = ? AND s.analysed_generation IS NOT NULL""",
                (rs, i) -> new Evaluated(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), tenant, cluster);
    }

    /** Open findings of the given controls in the cluster: (kind, namespace, name, control id). */
    public List<String[]> openFindings(UUID tenant, UUID cluster, List<String> controls) {
        return jdbc.query("""
                SELECT kind, namespace, name, control_id FROM findings
                 WHERE tenant_id = ? AND cluster_id = ? AND status = 'open' AND control_id = ANY(?::text[])""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                tenant, cluster, controls.toArray(String[]::new));
    }

    public void replaceCluster(UUID tenant, UUID cluster, List<Prioritised> rows, Instant at) {
        jdbc.update("DELETE FROM workload_vulnerabilities WHERE tenant_id = ? AND cluster_id = ?", tenant, cluster);
        Timestamp ts = Timestamp.from(at);
        jdbc.batchUpdate("""
                INSERT INTO workload_vulnerabilities (tenant_id, cluster_id, kind, namespace, name, digest, cve, severity, bucket, reasons,
                                                      fixed_version, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, r) -> {
            ps.setObject(1, tenant);
            ps.setObject(2, cluster);
            ps.setString(3, r.kind());
            ps.setString(4, r.namespace());
            ps.setString(5, r.name());
            ps.setString(6, r.digest());
            ps.setString(7, r.cve());
            ps.setString(8, r.severity());
            ps.setString(9, r.bucket());
            ps.setArray(10, ps.getConnection().createArrayOf("text", r.reasons().toArray()));
            ps.setString(11, r.fixedVersion());
            ps.setTimestamp(12, ts);
        });
    }
}
