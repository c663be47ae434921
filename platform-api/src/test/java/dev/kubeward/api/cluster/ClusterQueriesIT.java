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
}
