package dev.kubeward.engine.rules.controlplane;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ControlStatus;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.RuleLibrary;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.Rule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ControlPlaneRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KUBE_PROXY_CONFIG = "kube-proxy-config";

    private static KubeObject object(String json) {
        try {
            return KubeObject.of(JSON.readTree(json.replace('\'', '"')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KubeObject pod(String namespace, String name, String commandJson) {
        return object("{'apiVersion':'v1','kind':'Pod','metadata':{'namespace':'" + namespace + "','name':'" + name + "'},"
                + "'spec':{'containers':[{'name':'c','image':'i','command':" + commandJson + "}]}}");
    }

    /** What an EKS cluster shows in kube-system: add-ons and kube-proxy, never the control plane. */
    private static List<KubeObject> managedCloudObjects() {
        return List.of(
                pod("kube-system", "coredns-5d78c9869d-abcde", "['/coredns','-conf','/etc/coredns/Corefile']"),
                pod("kube-system", "aws-node-xk2p9", "['/app/aws-vpc-cni']"),
                pod("kube-system", "kube-proxy-7hx2q", "['kube-proxy','--v=2','--config=/var/lib/kube-proxy-config/config']"),
                pod("default", "web", "['nginx']"),
                object("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'kube-system'}}"));
    }

    private static RuleOutcome run(Rule rule, List<KubeObject> objects) {
        return ((SnapshotRule) rule).evaluate(new RuleContext(SnapshotIndex.of(objects), ControlInputs.defaults()));
    }

    @Test
    void managedCloudSnapshotWithoutControlPlanePodsEvaluatesNothing() {
        List<KubeObject> objects = managedCloudObjects();

        for (Rule rule : ControlPlaneRules.all()) {
            RuleOutcome outcome = run(rule, objects);
            assertThat(outcome.evaluated()).as(rule.name()).isEmpty();
            assertThat(outcome.violations()).as(rule.name()).isEmpty();
        }
    }

    @Test
    void managedCloudControlPlaneControlsAreNotApplicable() {
        // kube-proxy runs on the customer's nodes, so C-0291 stays applicable on managed clouds.
        Set<String> ruleNames = ControlPlaneRules.all().stream().filter(r -> !(r instanceof KubeProxyMetricsBindingRule))
                .map(Rule::name).collect(Collectors.toSet());
        List<ControlDefinition> controls = ControlCatalog.standard().controls().stream()
                .filter(c -> !c.rules().isEmpty() && ruleNames.containsAll(c.rules())).toList();
        Snapshot eks = new Snapshot(new ClusterInfo(ClusterInfo.Provider.EKS, "1.29", 3), managedCloudObjects());

        List<ControlResult> results = new Evaluator(RuleLibrary.standard()).evaluate(eks, ControlInputs.defaults(), controls).controls();

        assertThat(results).hasSizeGreaterThanOrEqualTo(50);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.control().id()).isEqualTo(ControlStatus.NOT_APPLICABLE);
            assertThat(r.note()).contains("EKS control plane is managed");
        });
    }

    @Test
    void selfManagedApiServerIsEvaluatedAndJudgedByItsFlags() {
        KubeObject apiServer = pod("kube-system", "kube-apiserver-cp1",
                "['kube-apiserver','--anonymous-auth=false','--authorization-mode=Node,RBAC']");
        Rule anonymousAuth = rule("ensure-that-the-api-server-anonymous-auth-argument-is-set-to-false");
        Rule profiling = rule("ensure-that-the-api-server-profiling-argument-is-set-to-false");

        assertThat(run(anonymousAuth, List.of(apiServer)).evaluated()).containsExactly(apiServer.ref());
        assertThat(run(anonymousAuth, List.of(apiServer)).violations()).isEmpty();
        assertThat(run(profiling, List.of(apiServer)).violations()).singleElement()
                .satisfies(v -> assertThat(v.fixPaths().get(0).path()).isEqualTo("spec.containers[0].command[3]"));
    }

    @Test
    void apiServerOutsideKubeSystemIsNotTheClusterControlPlane() {
        KubeObject hosted = pod("tenant-a", "kube-apiserver", "['kube-apiserver']");

        assertThat(run(rule("ensure-that-the-api-server-profiling-argument-is-set-to-false"), List.of(hosted)).evaluated()).isEmpty();
    }

    @Test
    void etcdSharingTheApiServerClientCaFailsBothPods() {
        KubeObject apiServer = pod("kube-system", "kube-apiserver", "['kube-apiserver','--client-ca-file=/pki/ca.crt']");
        KubeObject etcd = pod("kube-system", "etcd", "['etcd','--trusted-ca-file=/pki/ca.crt']");
        KubeObject ownCa = pod("kube-system", "etcd", "['etcd','--trusted-ca-file=/pki/etcd/ca.crt']");

        RuleOutcome shared = run(new EtcdUniqueCaRule(), List.of(apiServer, etcd));
        assertThat(shared.violations()).extracting(v -> v.resource().name()).containsExactlyInAnyOrder("kube-apiserver", "etcd");
        assertThat(run(new EtcdUniqueCaRule(), List.of(apiServer, ownCa)).violations()).isEmpty();
    }

    @Test
    void kubeProxyMetricsOnAllInterfacesFailsAndTheLoopbackDefaultPasses() {
        assertThat(run(new KubeProxyMetricsBindingRule(), List.of(proxyConfig("metricsBindAddress: 0.0.0.0:10249"))).violations()).hasSize(1);
        assertThat(run(new KubeProxyMetricsBindingRule(), List.of(proxyConfig("metricsBindAddress: '[::]:10249'"))).violations()).hasSize(1);
        assertThat(run(new KubeProxyMetricsBindingRule(), List.of(proxyConfig("metricsBindAddress: 127.0.0.1:10249"))).violations()).isEmpty();
        RuleOutcome unset = run(new KubeProxyMetricsBindingRule(), List.of(proxyConfig("mode: iptables")));
        assertThat(unset.evaluated()).hasSize(1);
        assertThat(unset.violations()).isEmpty();
    }

    private static KubeObject proxyConfig(String line) {
        String config = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\\nkind: KubeProxyConfiguration\\n" + line.replace("'", "\\u0027") + "\\n";
        return object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'namespace':'kube-system','name':'" + KUBE_PROXY_CONFIG + "'},"
                + "'data':{'config':'" + config + "'}}");
    }

    private static Rule rule(String name) {
        return ControlPlaneRules.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
