package dev.kubeward.engine.rbac;

import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.rbac.permission.Identity;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Request;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rbac.risk.KubewardRbacRules;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes default RBAC objects (test resources realworld/k8s-bootstrap-rbac, Apache-2.0, see SOURCE.md). */
class BootstrapRbacTest {

    private static SnapshotIndex snapshot;

    @BeforeAll
    static void read() throws Exception {
        Path dir = Path.of(BootstrapRbacTest.class.getResource("/realworld/k8s-bootstrap-rbac").toURI());
        ManifestReader.Result r = new ManifestReader().read(List.of(dir));
        assertThat(r.skipped()).isEmpty();
        assertThat(r.objects()).hasSize(131);
        snapshot = SnapshotIndex.of(r.objects());
    }

    @Test
    void defaultsAloneYieldNoKubewardRiskOrHygieneFinding() {
        RuleContext ctx = new RuleContext(snapshot, ControlInputs.defaults());
        List<String> findings = new ArrayList<>();
        for (Rule rule : KubewardRbacRules.all()) {
            List<Violation> vs = new ArrayList<>();
            if (rule instanceof SnapshotRule sr) vs.addAll(sr.evaluate(ctx).violations());
            else for (String k : ((ResourceRule) rule).kinds()) snapshot.ofKind(k).forEach(o -> vs.addAll(((ResourceRule) rule).check(o, ctx)));
            vs.forEach(v -> findings.add(rule.name() + ": " + v.message()));
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void whoCanGetSecretsClusterWideIsWhatKubernetesAnswers() {
        RbacIndex idx = RbacIndex.of(snapshot);
        assertThat(idx.subjectsWhoCan(Request.of("get", "", "secrets", "", ""))).containsExactly(
                Subject.group(Subject.MASTERS),
                Subject.user("system:kube-controller-manager"),
                Subject.serviceAccount("kube-system", "generic-garbage-collector"),
                Subject.serviceAccount("kube-system", "namespace-controller"));
        assertThat(idx.whoCan("get", "", "secrets", "", "", "")).anySatisfy(g -> {
            assertThat(g.subject()).isEqualTo(Subject.serviceAccount("kube-system", "namespace-controller"));
            assertThat(g.binding().name()).isEqualTo("system:controller:namespace-controller");
            assertThat(g.role().name()).isEqualTo("system:controller:namespace-controller");
        });
        assertThat(idx.grantsOf(Subject.group(Subject.MASTERS))).extracting(g -> g.role().name()).containsOnly("cluster-admin");
    }

    @Test
    void aggregatedDefaultRolesAreComputedFromTheirSources() {
        RbacIndex idx = RbacIndex.of(snapshot);
        var admin = idx.clusterRole("admin").orElseThrow();
        assertThat(admin.aggregated()).isTrue();
        assertThat(admin.rules()).anyMatch(r -> r.allows(Request.of("get", "", "secrets", "ns", "")))
                .anyMatch(r -> r.allows(Request.of("create", "", "pods/exec", "ns", "")))
                .anyMatch(r -> r.allows(Request.of("create", "rbac.authorization.k8s.io", "rolebindings", "ns", "")));
        assertThat(idx.clusterRole("view").orElseThrow().rules()).noneMatch(r -> r.allows(Request.of("get", "", "secrets", "ns", "")));
    }

    @Test
    void nodesAndAnonymousAreHandledAsTheDefaultsIntend() {
        RbacIndex idx = RbacIndex.of(snapshot);
        assertThat(idx.allows(Identity.of(Subject.user(Subject.ANONYMOUS)), Request.nonResource("get", "/version"))).isTrue();
        assertThat(idx.allows(Identity.of(Subject.user(Subject.ANONYMOUS)), Request.nonResource("get", "/api"))).isFalse();
        assertThat(idx.allows(Identity.of(Subject.user("alice")), Request.nonResource("get", "/apis/apps"))).isTrue();
    }
}
