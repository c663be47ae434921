package dev.kubeward.api.cluster;

import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterQueriesIT {

    static QueryTestDatabase db;
    static ClusterQueries clusters;

    @BeforeAll
    static void setUp() {
        db = QueryTestDatabase.withFixture();
        clusters = new ClusterQueries(db.app, Duration.ofMinutes(30));
    }

    @Test
    void listsOnlyTheTenantsClustersWithStatusCountsAndScores() {
        PageResult<ClusterSummary> page = TenantContext.callAs(TENANT_A, () -> clusters.list(ClusterFilter.none(), 0, 50));
        assertThat(page.total()).isEqualTo(3);
        Map<String, ClusterSummary> byName = page.items().stream().collect(Collectors.toMap(ClusterSummary::name, c -> c));
        assertThat(byName.keySet()).containsExactly("dev-gke", "new-aks", "prod-eks");
        assertThat(byName.get("prod-eks").status()).isEqualTo("healthy");
        assertThat(byName.get("prod-eks").id()).isEqualTo(A1);
        assertThat(byName.get("dev-gke").status()).isEqualTo("stale");
        assertThat(byName.get("new-aks").status()).isEqualTo("rejected");
        assertThat(byName.get("prod-eks").openFindings().critical()).isEqualTo(2);
        assertThat(byName.get("prod-eks").frameworkScores()).containsEntry("NSA", new BigDecimal("85.00"));
        assertThat(byName.get("prod-eks").lastScanAt()).isEqualTo(T1B);
    }

    @Test
    void filtersBySortsAndPages() {
        TenantContext.runAs(TENANT_A, () -> {
            assertThat(clusters.list(new ClusterFilter("gke", null, null, null), 0, 10).items()).extracting(ClusterSummary::id).containsExactly(A2);
            assertThat(clusters.list(new ClusterFilter(null, "stale", null, null), 0, 10).items()).extracting(ClusterSummary::id).containsExactly(A2);
            assertThat(clusters.list(new ClusterFilter(null, null, "EKS", null), 0, 10).items()).extracting(ClusterSummary::id).containsExactly(A1);
            assertThat(clusters.list(new ClusterFilter(null, null, null, "-critical"), 0, 1).items()).extracting(ClusterSummary::id).containsExactly(A1);
            PageResult<ClusterSummary> second = clusters.list(ClusterFilter.none(), 1, 2);
            assertThat(second.items()).extracting(ClusterSummary::name).containsExactly("prod-eks");
            assertThat(second.total()).isEqualTo(3);
        });
    }

    @Test
    void scansAndRejectionsOfACluster() {
        TenantContext.runAs(TENANT_A, () -> {
            assertThat(clusters.scans(A1, 0, 10).items()).extracting(ScanSummary::id).containsExactly(S1B, S1A);
            assertThat(clusters.rejections(A3, 5)).extracting(Rejection::code).containsExactly("bad-signature");
        });
    }

    @Test
    void anotherTenantsClusterIsNotFound() {
        TenantContext.runAs(TENANT_B, () -> {
            assertThat(clusters.list(ClusterFilter.none(), 0, 50).items()).extracting(ClusterSummary::id).containsExactly(B1);
            assertThatThrownBy(() -> clusters.get(A1)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> clusters.scans(A1, 0, 10)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> clusters.rejections(A3, 10)).isInstanceOf(NotFoundException.class);
        });
    }

    /**
     * The overview's bounded reads: per cloud a summary of every cluster and only the lowest-scoring few listed; a stale
     * cluster's old score neither counts in the mean nor ranks it first.
     */
    @Test
    void cloudSummariesAndTheWorstClustersOfEachCloud() {
        java.util.UUID tenant = java.util.UUID.randomUUID();
        db.sql.update("INSERT INTO tenants (id, slug, name) VALUES (?, 'clouds', 'Clouds')", tenant);
        Object[][] rows = {{"e-40", "eks", "40.00", NOW}, {"e-90", "eks", "90.00", NOW}, {"e-60", "eks", "60.00", NOW},
                {"e-stale", "eks", "10.00", NOW.minus(Duration.ofHours(3))}, {"g-70", "gke", "70.00", NOW}};
        for (Object[] c : rows) {
            java.util.UUID id = java.util.UUID.randomUUID(), scan = java.util.UUID.randomUUID();
            java.time.Instant at = (java.time.Instant) c[3];
            db.cluster(tenant, id, (String) c[0], (String) c[1], at, scan);
            db.scan(tenant, id, scan, at, 1, 2, 0, 0, 0, 0);
            db.sql.update("INSERT INTO scan_framework_scores (tenant_id, scan_id, cluster_id, framework, scanned_at, score, controls_passed,"
                    + " controls_failed, controls_na, controls_external) VALUES (?, ?, ?, 'NSA', ?, ?::numeric, 1, 1, 0, 0)",
                    tenant, scan, id, ts(at), c[2]);
        }
        TenantContext.runAs(tenant, () -> {
            assertThat(names(clusters.worstPerCloud("NSA", 2))).containsExactly("e-40", "e-60", "g-70");
            Map<String, CloudSummary> clouds = clusters.clouds("NSA").stream().collect(Collectors.toMap(CloudSummary::provider, c -> c));
            CloudSummary eks = clouds.get("eks");
            assertThat(eks.clusters()).isEqualTo(4);
            assertThat(eks.assessed()).isEqualTo(3);
            assertThat(eks.stale()).isEqualTo(1);
            assertThat(eks.attention()).isEqualTo(1);
            assertThat(eks.meanScore()).isEqualByComparingTo("63.33");
            assertThat(eks.worstScore()).isEqualByComparingTo("40.00");
            assertThat(eks.open().critical()).isEqualTo(4);
            assertThat(eks.open().high()).isEqualTo(8);
            assertThat(clouds.get("gke").clusters()).isEqualTo(1);
            assertThat(names(clusters.list(new ClusterFilter(null, null, null, "score", "NSA"), 0, 10).items()))
                    .containsExactly("e-40", "e-60", "g-70", "e-90", "e-stale");
            // another framework: no scores, so no mean and the names decide
            assertThat(clusters.clouds("MITRE").stream().filter(c -> c.provider().equals("eks")).findFirst().orElseThrow().meanScore()).isNull();
        });
    }

    private static java.util.List<String> names(java.util.List<ClusterSummary> list) {
        return list.stream().map(ClusterSummary::name).toList();
    }
}
