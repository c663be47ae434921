package dev.kubeward.api.resource;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.drift.Drift;
import dev.kubeward.api.drift.DriftQueries;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSummary;
import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.query.QueryTestDatabase;
import dev.kubeward.api.trend.Trend;
import dev.kubeward.api.trend.TrendPoint;
import dev.kubeward.api.trend.TrendQueries;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static dev.kubeward.api.query.QueryTestDatabase.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceTrendDriftIT {

    static QueryTestDatabase db;
    static ResourceQueries resources;
    static DriftQueries drift;
    static TrendQueries trends;

    @BeforeAll
    static void setUp() {
        db = QueryTestDatabase.withFixture();
        ClusterQueries clusters = new ClusterQueries(db.app, Duration.ofMinutes(30));
        resources = new ResourceQueries(db.app, clusters, new FindingQueries(db.app), new RelatedObjects(db.app));
        drift = new DriftQueries(db.app, clusters);
        trends = new TrendQueries(db.app);
    }

    static <T> T asA(Supplier<T> work) {
        return TenantContext.callAs(TENANT_A, work);
    }

    @Test
    void resourceWithManifestFindingsAndRelatedObjects() {
        ResourceView pod = asA(() -> resources.get(A1, "Pod", "web", "api-7d9-abc"));
        assertThat(pod.yaml()).contains("name: api-7d9-abc");
        assertThat(pod.body()).containsKey("metadata");
        assertThat(pod.findings()).extracting(FindingSummary::controlId).containsExactly(C1);
        assertThat(pod.related()).contains(new RelatedObject("ReplicaSet", "web", "api-7d9", "owner"),
                new RelatedObject("ServiceAccount", "web", "api-sa", "serviceAccount"),
                new RelatedObject("Service", "web", "api-svc", "exposedBy"),
                new RelatedObject("NetworkPolicy", "web", "deny-all", "policy"),
                new RelatedObject("ServiceAccount", "web", "api-sa", "evidence"));
        assertThat(pod.related()).extracting(RelatedObject::name).doesNotContain("other-svc");
        ResourceView rs = asA(() -> resources.get(A1, "ReplicaSet", "web", "api-7d9"));
        assertThat(rs.related()).contains(new RelatedObject("Pod", "web", "api-7d9-abc", "owned"),
                new RelatedObject("Deployment", "web", "api", "owner"));
        ResourceView deploy = asA(() -> resources.get(A1, "Deployment", "web", "api"));
        assertThat(deploy.related()).contains(new RelatedObject("Service", "web", "api-svc", "exposedBy"));
    }

    @Test
    void resourcesOfAnotherTenantAreNotFound() {
        TenantContext.runAs(TENANT_B, () -> {
            assertThatThrownBy(() -> resources.get(A1, "Deployment", "web", "api")).isInstanceOf(NotFoundException.class);
            ResourceView own = resources.get(B1, "Deployment", "web", "api");
            assertThat(own.findings()).extracting(FindingSummary::clusterId).containsOnly(B1);
        });
        assertThatThrownBy(() -> asA(() -> resources.get(A1, "Deployment", "web", "nope"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void driftBetweenTheLastTwoScans() {
        Drift d = asA(() -> drift.drift(A1, null, null, 100));
        assertThat(d.from().id()).isEqualTo(S1A);
        assertThat(d.to().id()).isEqualTo(S1B);
        assertThat(d.newFindings()).extracting(c -> c.finding().name()).containsExactly("api-7d9-abc");
        assertThat(d.resolvedFindings()).extracting(c -> c.finding().name()).containsExactly("old");
        assertThat(d.counts()).isEqualTo(new Drift.Counts(1, 1, 1, 1, 1));
        assertThat(d.objects()).extracting(Drift.ObjectChange::change).containsExactly("added", "changed", "removed");
        Drift first = asA(() -> drift.drift(A1, null, S1A, 100));
        assertThat(first.from()).isNull();
        assertThat(first.newFindings()).hasSize(2);
        assertThatThrownBy(() -> asA(() -> drift.drift(A1, S1B, S1A, 10))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> asA(() -> drift.drift(A1, S2, null, 10))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> TenantContext.runAs(TENANT_B, () -> drift.drift(A1, null, null, 10))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void trendPerClusterAndOverallWithMarkers() {
        Trend t = asA(() -> trends.trend("NSA", null, NOW.minus(Duration.ofDays(3)), NOW.plusSeconds(1)));
        Trend.ClusterSeries a1 = t.clusters().stream().filter(s -> s.clusterId().equals(A1)).findFirst().orElseThrow();
        List<Double> scores = a1.points().stream().map(TrendPoint::score).toList();
        assertThat(scores).containsExactlyElementsOf(T1A.atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .equals(T1B.atZone(java.time.ZoneOffset.UTC).toLocalDate()) ? List.of(85.0) : List.of(90.0, 85.0));
        assertThat(t.clusters()).extracting(Trend.ClusterSeries::clusterId).doesNotContain(B1);
        TrendPoint last = t.overall().get(t.overall().size() - 1);
        assertThat(last.open().critical()).isEqualTo(3);
        assertThat(last.score()).isEqualTo(80.0);
        assertThat(t.markers()).isNotEmpty();
        assertThat(t.markers().stream().mapToInt(Trend.Marker::resolvedFindings).sum()).isEqualTo(1);
        assertThatThrownBy(() -> asA(() -> trends.trend("NSA", null, NOW, NOW.minusSeconds(1)))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> asA(() -> trends.trend("nope", null, null, null))).isInstanceOf(BadRequestException.class);
    }
}
