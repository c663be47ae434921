package dev.kubeward.api.vuln.internal;

import dev.kubeward.api.vuln.VulnControls;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes C-0083/C-0084/C-0085 into {@code findings} the way the worker writes its findings: state, not a log; one
 * {@code INSERT … ON CONFLICT} on (tenant, cluster, control, kind, namespace, name), the ones no longer failing
 * resolved, and the changes recorded against the cluster's last scan. The same scan's control summaries get the
 * counts, so the controls score in frameworks like any other.
 */
@Component
public class VulnFindings {

    private static final String UPSERT = """
            WITH input AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS u(control_id, api_version, kind, namespace, name, severity, rule, message)
            ),
            prior AS (
                SELECT f.id, f.status FROM findings f
                  JOIN input i ON f.control_id = i.control_id AND f.kind = i.kind AND f.namespace = i.namespace AND f.name = i.name
                 WHERE f.tenant_id = ? AND f.cluster_id = ?
            ),
            upserted AS (
                INSERT INTO findings AS f (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status,
                                           rules, message, first_seen, last_seen, last_scan_id)
                SELECT ?, ?, i.control_id, i.api_version, i.kind, i.namespace, i.name, i.severity, 'open', ARRAY[i.rule], i.message, ?, ?, ?
                  FROM input i
                ON CONFLICT (tenant_id, cluster_id, control_id, kind, namespace, name) DO UPDATE
                   SET api_version = EXCLUDED.api_version, severity = EXCLUDED.severity, status = 'open', resolved_at = NULL,
                       rules = EXCLUDED.rules, message = EXCLUDED.message, last_seen = EXCLUDED.last_seen, last_scan_id = EXCLUDED.last_scan_id
                RETURNING f.id, (f.xmax = 0) AS inserted
            )
            SELECT u.id, u.inserted, coalesce(p.status = 'resolved', false) AS reopened FROM upserted u LEFT JOIN prior p ON p.id = u.id
            """;

    private final JdbcTemplate jdbc;

    public VulnFindings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cluster's last scan, which the findings are attached to; null before the first scan. */
    public UUID lastScan(UUID tenant, UUID cluster) {
        return jdbc.query("SELECT last_scan_id FROM clusters WHERE tenant_id = ? AND id = ?", (rs, i) -> rs.getObject(1, UUID.class), tenant, cluster)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Upserts the failures, resolves the cluster's other open vulnerability findings; returns (new, reopened, resolved) counts. */
    public int[] write(UUID tenant, UUID cluster, UUID scan, List<VulnControls.Failure> failures, Instant at) {
        Timestamp ts = Timestamp.from(at);
        List<Long> ids = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        List<Long> reopened = new ArrayList<>();
        if (!failures.isEmpty()) {
            jdbc.query(con -> {
                var ps = con.prepareStatement(UPSERT);
                int p = 1;
                for (Function<VulnControls.Failure, String> c : COLUMNS) ps.setArray(p++, con.createArrayOf("text", failures.stream().map(c).toArray()));
                ps.setObject(p++, tenant);
                ps.setObject(p++, cluster);
                ps.setObject(p++, tenant);
                ps.setObject(p++, cluster);
                ps.setTimestamp(p++, ts);
                ps.setTimestamp(p++, ts);
                ps.setObject(p, scan);
                return ps;
            }, rs -> {
                long id = rs.getLong(1);
                ids.add(id);
                if (rs.getBoolean(2)) created.add(id);
                else if (rs.getBoolean(3)) reopened.add(id);
            });
        }
        List<Long> resolved = jdbc.queryForList("""
                UPDATE findings SET status = 'resolved', resolved_at = ?
                 WHERE tenant_id = ? AND cluster_id = ? AND status = 'open' AND control_id = ANY(?::text[]) AND NOT (id = ANY(?::text[]::bigint[]))
                RETURNING id""", Long.class, ts, tenant, cluster, VulnControls.IDS.toArray(String[]::new), ids.stream().map(String::valueOf).toArray(String[]::new));
        record(tenant, scan, "new", created, ts);
        record(tenant, scan, "reopened", reopened, ts);
        record(tenant, scan, "resolved", resolved, ts);
        return new int[] {created.size(), reopened.size(), resolved.size()};
    }

    /** Control summaries of the scan: failed/passed over evaluated workloads ({@code counts}: control → [failed, passed]). */
    public void summarise(UUID tenant, UUID cluster, UUID scan, Map<String, int[]> counts) {
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int failed = e.getValue()[0];
            int passed = e.getValue()[1];
            jdbc.update("""
                    INSERT INTO scan_control_summaries (tenant_id, scan_id, cluster_id, control_id, status, failed, passed, excepted, scanned_at)
                    SELECT s.tenant_id, s.id, s.cluster_id, ?, ?, ?, ?, 0, s.scanned_at FROM scans s WHERE s.tenant_id = ? AND s.id = ?
                    ON CONFLICT (tenant_id, scan_id, control_id) DO UPDATE
                       SET status = EXCLUDED.status, failed = EXCLUDED.failed, passed = EXCLUDED.passed""",
                    e.getKey(), failed > 0 ? "failed" : "passed", failed, passed, tenant, scan);
        }
        // the scan's summaries changed after the scan: what is cached of them is stale
        jdbc.update("UPDATE scans SET tallies_version = tallies_version + 1 WHERE tenant_id = ? AND id = ?", tenant, scan);
    }

    private void record(UUID tenant, UUID scan, String change, List<Long> ids, Timestamp at) {
        jdbc.batchUpdate("""
                INSERT INTO finding_changes (tenant_id, scan_id, finding_id, change, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, scan_id, finding_id) DO NOTHING""", ids, 1000, (ps, id) -> {
            ps.setObject(1, tenant);
            ps.setObject(2, scan);
            ps.setLong(3, id);
            ps.setString(4, change);
            ps.setTimestamp(5, at);
        });
    }

    private static final List<Function<VulnControls.Failure, String>> COLUMNS = List.of(VulnControls.Failure::controlId,
            f -> f.workload().apiVersion(), f -> f.workload().kind(), f -> f.workload().namespace(), f -> f.workload().name(),
            VulnControls.Failure::severity, VulnControls.Failure::rule, VulnControls.Failure::message);
}
