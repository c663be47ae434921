package dev.kubeward.api.finding;

import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingQueriesIT {

    static QueryTestDatabase db;
    static FindingQueries findings;
    static FindingGroups groups;
    static FindingDetails details;
    static FindingFacetCounts facets;

    @BeforeAll
    static void setUp() {
        db = QueryTestDatabase.withFixture();
        findings = new FindingQueries(db.app);
        groups = new FindingGroups(db.app);
        details = new FindingDetails(db.app);
        facets = new FindingFacetCounts(db.app);
    }

    static <T> T asA(Supplier<T> work) {
        return TenantContext.callAs(TENANT_A, work);
    }

    static List<String> names(FindingFilter f) {
        return asA(() -> findings.page(f, FindingSort.Order.parse("name"), 0, 100).items().stream().map(FindingSummary::name).toList());
    }

    static FindingFilter filter(List<UUID> clusters, String framework, List<String> controls, String ns, String kind, String status, String q) {
        return new FindingFilter(clusters, framework, controls, null, ns, kind, status, null, q, null);
    }

    @Test
    void filtersByEveryDimension() {
        assertThat(names(FindingFilter.open())).containsExactly("api", "api", "api-7d9-abc", "billing");
        assertThat(names(filter(List.of(A1), null, null, null, null, null, null))).containsExactly("api", "api-7d9-abc", "billing");
        assertThat(names(filter(null, null, List.of(C2), null, null, null, null))).containsExactly("billing");
        assertThat(names(filter(null, null, null, "web", null, null, null))).containsExactly("api", "api-7d9-abc");
        assertThat(names(filter(null, null, null, null, "Pod", null, null))).containsExactly("api-7d9-abc");
        assertThat(names(filter(null, null, null, null, null, "resolved", null))).containsExactly("old");
        assertThat(names(filter(null, null, null, null, null, "all", "OL"))).containsExactly("old");
        assertThat(names(filter(null, "NSA", null, null, null, "all", null))).hasSize(5);
        assertThat(names(filter(null, "PSS-Baseline", List.of(C1), null, null, null, null)))
                .hasSize(dev.kubeward.engine.catalog.ControlCatalog.standard().framework("PSS-Baseline").orElseThrow().controlIds().contains(C1) ? 3 : 0);
        assertThat(names(new FindingFilter(null, null, null, List.of(severity(C2)), null, null, null, null, null, null))).contains("billing");
        assertThat(names(new FindingFilter(null, null, null, null, null, null, null, T1B, null, null))).containsExactly("api-7d9-abc");
        assertThat(names(new FindingFilter(null, null, null, null, null, null, null, null, null, true))).isEmpty();
    }

    @Test
    void pagesWithTotals() {
        var page = asA(() -> findings.page(FindingFilter.open(), FindingSort.Order.parse("name"), 1, 3));
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(FindingSummary::name).containsExactly("billing");
        assertThat(page.items().get(0).clusterName()).isEqualTo("prod-eks");
        assertThat(page.items().get(0).controlName()).isNotBlank();
    }

    @Test
    void groupsFindingsByControlAndOwnerWorkload() {
        var page = asA(() -> groups.page(new FindingFilter(List.of(A1), null, List.of(C1), null, null, null, null, null, null, null), 0, 10));
        assertThat(page.total()).isEqualTo(1);
        FindingGroup g = page.items().get(0);
        assertThat(g.ownerKind()).isEqualTo("Deployment");
        assertThat(g.ownerName()).isEqualTo("api");
        assertThat(g.findings()).isEqualTo(2);
        assertThat(asA(() -> groups.page(FindingFilter.open(), 0, 10)).total()).isEqualTo(3);
    }

    @Test
    void oneFindingWithEvidenceAndHistory() {
        long pod = db.sql.queryForObject("SELECT id FROM findings WHERE name = 'api-7d9-abc'", Long.class);
        FindingDetail d = asA(() -> details.get(pod));
        assertThat(d.finding().controlId()).isEqualTo(C1);
        assertThat(d.rules()).containsExactly("rule-a");
        assertThat(d.failedPaths()).containsExactly("spec.containers[0].image");
        assertThat(d.history()).extracting(FindingDetail.History::change).containsExactly("new");
        assertThat(d.remediation()).isNotNull();
    }

    @Test
    void facetsComeFromLastScanSummaries() {
        FindingFacets f = asA(() -> facets.facets(null, 10));
        assertThat(f.open().critical()).isEqualTo(3);
        assertThat(f.controls()).filteredOn(c -> c.controlId().equals(C1)).singleElement().extracting(FindingFacets.ControlCount::failed).isEqualTo(3L);
        assertThat(asA(() -> facets.facets(List.of(A2), 10)).clusters()).extracting(FindingFacets.ClusterCount::clusterId).containsExactly(A2);
    }

    @Test
    void tenantBNeverSeesTenantAsFindings() {
        long aFinding = db.sql.queryForObject("SELECT id FROM findings WHERE tenant_id = ? AND name = 'billing'", Long.class, TENANT_A);
        TenantContext.runAs(TENANT_B, () -> {
            assertThat(findings.page(filter(null, null, null, null, null, "all", null), FindingSort.Order.DEFAULT, 0, 100).items())
                    .extracting(FindingSummary::clusterId).containsOnly(B1);
            assertThat(findings.page(filter(List.of(A1), null, null, null, null, "all", null), FindingSort.Order.DEFAULT, 0, 100).total()).isZero();
            assertThat(groups.page(FindingFilter.open(), 0, 10).items()).extracting(FindingGroup::clusterId).containsOnly(B1);
            assertThat(facets.facets(null, 10).open().critical()).isEqualTo(5);
            assertThatThrownBy(() -> details.get(aFinding)).isInstanceOf(NotFoundException.class);
            // the second wall alone: no tenant predicate at all, row-level security still hides A
            assertThat(db.app.queryForObject("SELECT count(*) FROM findings WHERE tenant_id = ?", Long.class, TENANT_A)).isZero();
        });
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> filter(null, null, null, null, null, "closed", null)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> asA(() -> findings.page(filter(null, "nope", null, null, null, null, null), FindingSort.Order.DEFAULT, 0, 10)))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> FindingSort.Order.parse("weird")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> asA(() -> findings.scroll(FindingFilter.open(), FindingSort.Order.DEFAULT, "garbage!", 10)))
                .isInstanceOf(BadRequestException.class);
        String nameCursor = asA(() -> findings.scroll(FindingFilter.open(), FindingSort.Order.parse("name"), "", 1)).nextCursor();
        assertThatThrownBy(() -> asA(() -> findings.scroll(FindingFilter.open(), FindingSort.Order.DEFAULT, nameCursor, 1)))
                .isInstanceOf(BadRequestException.class);
    }
}
