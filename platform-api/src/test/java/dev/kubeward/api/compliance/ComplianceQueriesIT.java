package dev.kubeward.api.compliance;

import dev.kubeward.api.compliance.internal.LastScanTallies;
import dev.kubeward.api.compliance.internal.ScanTallies;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scores against hand-computed values: see the fixture's comments (A1: 80/75/100 → 85; A2: 50/100 → 75). */
class ComplianceQueriesIT {

    static QueryTestDatabase db;
    static FrameworkQueries frameworks;
    static ControlQueries controls;

    @BeforeAll
    static void setUp() {
        db = QueryTestDatabase.withFixture();
        LastScanTallies tallies = new LastScanTallies(db.app, new ScanTallies(db.app));
        frameworks = new FrameworkQueries(db.app, tallies);
        controls = new ControlQueries(tallies);
    }

    static <T> T asA(Supplier<T> work) {
        return TenantContext.callAs(TENANT_A, work);
    }

    @Test
    void frameworkScoresPerClusterAndOverall() {
        FrameworkSummary nsa = asA(() -> frameworks.list()).stream().filter(f -> f.name().equals("NSA")).findFirst().orElseThrow();
        assertThat(nsa.clusters()).extracting(FrameworkSummary.ClusterScore::score).containsExactly(75.0, 85.0);
        assertThat(nsa.meanOfClusters()).isEqualTo(80.0);
        // summed counts: C1 9/12 = 75, C2 7/8 = 87.5, C3 5/5 = 100 -> 87.5
        assertThat(nsa.tenantScore()).isEqualTo(87.5);
        assertThat(nsa.minCluster()).isEqualTo(75.0);
        assertThat(nsa.maxCluster()).isEqualTo(85.0);
    }

    @Test
    void frameworkDetailExplainsTheScore() {
        FrameworkDetail a1 = asA(() -> frameworks.detail("NSA", A1));
        assertThat(a1.score()).isEqualTo(85.0);
        assertThat(a1.storedScore()).isEqualTo(85.0);
        assertThat(a1.formula().applicableControls()).isEqualTo(3);
        assertThat(a1.formula().sumOfControlScores()).isEqualTo(255.0);
        assertThat(a1.formula().notApplicableControls()).isEqualTo(NSA.size() - 3);
        FrameworkControl c1 = a1.controls().stream().filter(c -> c.id().equals(C1)).findFirst().orElseThrow();
        assertThat(c1.failed()).isEqualTo(2);
        assertThat(c1.total()).isEqualTo(10);
        assertThat(c1.score()).isEqualTo(80.0);
        assertThat(c1.gain()).isEqualTo(6.67);
        FrameworkControl c4 = a1.controls().stream().filter(c -> c.id().equals(C4)).findFirst().orElseThrow();
        assertThat(c4.score()).isNull();
        assertThat(c4.status()).isEqualTo("not-applicable");
        FrameworkDetail tenant = asA(() -> frameworks.detail("NSA", null));
        assertThat(tenant.score()).isEqualTo(87.5);
        assertThat(tenant.formula().text()).startsWith("87.50 = 262.50");
    }

    @Test
    void fixFirstRanksByGain() {
        FixFirst fix = asA(() -> frameworks.fixFirst("NSA", null, 5));
        assertThat(fix.items()).extracting(FixFirst.Item::controlId).containsExactly(C1, C2);
        assertThat(fix.items().get(0).gain()).isEqualTo(8.33);
        assertThat(fix.items().get(1).cumulativeGain()).isEqualTo(12.5);
        assertThat(fix.items().get(1).scoreAfter()).isEqualTo(100.0);
    }

    @Test
    void controlCatalogueAndDetail() {
        ControlDetail c1 = asA(() -> controls.detail(C1));
        assertThat(c1.overall().failed()).isEqualTo(3);
        assertThat(c1.overall().score()).isEqualTo(75.0);
        assertThat(c1.clusters()).extracting(ControlDetail.ClusterScore::clusterId).containsExactly(A2, A1);
        ControlCatalogEntry e = asA(() -> controls.catalogue("NSA", null, C1)).get(0);
        assertThat(e.failingClusters()).isEqualTo(2);
        assertThat(asA(() -> controls.catalogue("NSA", null, null))).hasSize(NSA.size());
        assertThatThrownBy(() -> asA(() -> controls.detail("C-9999"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asA(() -> frameworks.detail("nope", null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tenantBSeesOnlyItsOwnScores() {
        TenantContext.runAs(TENANT_B, () -> {
            assertThat(frameworks.detail("NSA", null).score()).isEqualTo(0.0);
            assertThat(controls.detail(C1).clusters()).extracting(ControlDetail.ClusterScore::clusterId).containsExactly(B1);
            assertThatThrownBy(() -> frameworks.detail("NSA", A1)).isInstanceOf(NotFoundException.class);
            assertThat(frameworks.list().stream().flatMap(f -> f.clusters().stream()))
                    .extracting(FrameworkSummary.ClusterScore::clusterId).containsOnly(B1);
        });
    }
}
