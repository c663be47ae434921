package dev.kubeward.api.compliance.internal;

import dev.kubeward.api.compliance.ControlTally;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant-wide sums served from the in-memory summaries of each last scan: they must equal what the database adds up,
 * also after a scan's summaries change (exceptions applied, image-vulnerability controls added) and after a new scan.
 */
class LastScanTalliesIT {

    QueryTestDatabase db;
    LastScanTallies tallies;

    @BeforeEach
    void setUp() {
        db = QueryTestDatabase.withFixture();
        tallies = new LastScanTallies(db.app, new ScanTallies(db.app));
    }

    @Test
    void sumsEqualTheDatabasesAndFollowChangedSummaries() {
        Map<String, ControlTally> first = summedAsA();
        assertThat(first.get(C1)).isEqualTo(new ControlTally("failed", 3, 9, 0));
        assertThat(first).isEqualTo(inTheDatabase(TENANT_A));

        // applying an exception rewrites "excepted" of the last scans and bumps their version, as ExceptedFindings does
        db.sql.update("UPDATE scan_control_summaries SET excepted = 2 WHERE tenant_id = ? AND scan_id = ? AND control_id = ?", TENANT_A, S1B, C1);
        db.sql.update("UPDATE scans SET tallies_version = tallies_version + 1 WHERE tenant_id = ? AND id = ?", TENANT_A, S1B);
        assertThat(summedAsA().get(C1)).isEqualTo(new ControlTally("failed", 3, 9, 2));

        // controls added to existing scans afterwards (C-0083 style) that nobody could evaluate: the first status in
        // cluster-name order wins (dev-gke before prod-eks), as the database's ordering says
        db.sql.update("INSERT INTO scan_control_summaries (tenant_id, scan_id, cluster_id, control_id, status, failed, passed, scanned_at)"
                + " VALUES (?, ?, ?, 'C-0083', 'manual', 0, 0, now()), (?, ?, ?, 'C-0083', 'requires-external-data', 0, 0, now())",
                TENANT_A, S1B, A1, TENANT_A, S2, A2);
        db.sql.update("UPDATE scans SET tallies_version = tallies_version + 1 WHERE tenant_id = ? AND id IN (?, ?)", TENANT_A, S1B, S2);
        assertThat(summedAsA().get("C-0083")).isEqualTo(new ControlTally("requires-external-data", 0, 0, 0));
        assertThat(summedAsA()).isEqualTo(inTheDatabase(TENANT_A));

        // a new last scan of a cluster replaces its old one in the sums
        java.util.UUID next = java.util.UUID.randomUUID();
        db.scan(TENANT_A, A2, next, NOW, 0, 0, 0, 0, 0, 1);
        db.sql.update("INSERT INTO scan_control_summaries (tenant_id, scan_id, cluster_id, control_id, status, failed, passed, scanned_at)"
                + " VALUES (?, ?, ?, ?, 'passed', 0, 2, now())", TENANT_A, next, A2, C1);
        db.sql.update("UPDATE clusters SET last_scan_id = ? WHERE tenant_id = ? AND id = ?", next, TENANT_A, A2);
        assertThat(summedAsA().get(C1)).isEqualTo(new ControlTally("failed", 2, 10, 2));
        assertThat(summedAsA()).isEqualTo(inTheDatabase(TENANT_A));
    }

    @Test
    void narrowedSumsAndTenantsStayApart() {
        assertThat(TenantContext.callAs(TENANT_A, () -> tallies.summed(TENANT_A, A2, List.of(C1, C2))))
                .containsOnlyKeys(C1, C2).containsEntry(C1, new ControlTally("failed", 1, 1, 0));
        // B's sums hold B's one cluster only, whatever A's scans put in memory before
        summedAsA();
        assertThat(TenantContext.callAs(TENANT_B, () -> tallies.summed(TENANT_B, null, null)))
                .isEqualTo(Map.of(C1, new ControlTally("failed", 5, 0, 0)));
        // A asking with B's cluster id sees nothing (the query is A's, row-level security is A's)
        assertThat(TenantContext.callAs(TENANT_A, () -> tallies.summed(TENANT_A, B1, null))).isEmpty();
    }

    private Map<String, ControlTally> summedAsA() {
        return TenantContext.callAs(TENANT_A, () -> tallies.summed(TENANT_A, null, null));
    }

    /** The oracle: the sums as one SQL aggregation over the last scans (the first non-N/A status by cluster name, id). */
    private Map<String, ControlTally> inTheDatabase(java.util.UUID tenant) {
        Map<String, ControlTally> out = new HashMap<>();
        db.sql.query("""
                SELECT s.control_id, sum(s.failed), sum(s.passed), sum(s.excepted),
                       (array_agg(s.status ORDER BY c.name, c.id) FILTER (WHERE s.status <> 'not-applicable'))[1]
                  FROM clusters c JOIN scan_control_summaries s ON s.tenant_id = c.tenant_id AND s.scan_id = c.last_scan_id
                 WHERE c.tenant_id = ? GROUP BY s.control_id""", rs -> {
            long f = rs.getLong(2), p = rs.getLong(3), e = rs.getLong(4);
            String first = rs.getString(5);
            out.put(rs.getString(1), new ControlTally(f > 0 ? "failed" : p + e > 0 ? "passed" : first == null ? "not-applicable" : first, f, p, e));
        }, tenant);
        return out;
    }
}
