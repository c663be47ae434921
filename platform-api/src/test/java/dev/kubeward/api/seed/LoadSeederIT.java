package dev.kubeward.api.seed;

import dev.kubeward.api.compliance.FrameworkQueries;
import dev.kubeward.api.compliance.internal.LastScanTallies;
import dev.kubeward.api.compliance.internal.ScanTallies;
import dev.kubeward.api.finding.FindingFacetCounts;
import dev.kubeward.api.finding.FindingFacets;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generated data reconciles: summaries, scans and findings tell the same story. */
class LoadSeederIT {

    @Test
    void generatesConsistentClustersScansAndFindings() throws Exception {
        QueryTestDatabase db = new QueryTestDatabase();
        LoadSeeder.Result r = LoadSeeder.seed(db.owner, new SeedPlan("load", 4, 4000, 3, 7));
        assertThat(r.clusterIds()).hasSize(4);
        assertThat(r.findings()).isEqualTo(4000L);
        assertThat(db.sql.queryForObject("SELECT count(*) FROM findings", Long.class)).isEqualTo(4000L);
        long open = db.sql.queryForObject("SELECT count(*) FROM findings WHERE status = 'open'", Long.class);
        long failedInLastScans = db.sql.queryForObject("""
                SELECT sum(s.failed) FROM scan_control_summaries s JOIN clusters c ON c.last_scan_id = s.scan_id
                """, Long.class);
        assertThat(failedInLastScans).isEqualTo(open);
        long newChanges = db.sql.queryForObject("SELECT count(*) FROM finding_changes WHERE change = 'new'", Long.class);
        assertThat(newChanges).isEqualTo(r.findings());
        TenantContext.runAs(r.tenantId(), () -> {
            FindingFacets facets = new FindingFacetCounts(db.app).facets(null, 10);
            assertThat((long) facets.open().total()).isEqualTo(open);
            Double stored = db.sql.queryForObject("SELECT avg(fs.score)::float8 FROM scan_framework_scores fs JOIN clusters c "
                    + "ON c.last_scan_id = fs.scan_id WHERE fs.framework = 'NSA'", Double.class);
            Double mean = new FrameworkQueries(db.app, new LastScanTallies(db.app, new ScanTallies(db.app))).list().stream()
                    .filter(f -> f.name().equals("NSA")).findFirst().orElseThrow().meanOfClusters();
            assertThat(mean).isCloseTo(stored, within(0.01));
        });
    }
}
