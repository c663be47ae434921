package dev.kubeward.engine.custom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ControlStatus;
import dev.kubeward.engine.evaluation.ResourceResult;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.custom.Objects.control;
import static dev.kubeward.engine.custom.Objects.deployment;
import static dev.kubeward.engine.custom.Objects.kube;
import static dev.kubeward.engine.custom.Objects.namespace;
import static dev.kubeward.engine.custom.Objects.pod;
import static dev.kubeward.engine.custom.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class ControlSetTest {

    private final CustomControlCompiler compiler = new CustomControlCompiler();

    private ScanResult scan(List<CustomControl> custom, List<KubeObject> objects) {
        ControlSet set = ControlSet.standardWith(custom.stream().map(compiler::compile).toList());
        return set.evaluate(Snapshot.of(objects), ControlInputs.defaults());
    }

    @Test
    void customControlsRunWithTheCatalogueAndKeepTheirSeverity() {
        CustomControl replicas = new CustomControl("KW-CUSTOM-two-replicas", "At least two replicas", "HA", Severity.CRITICAL,
                "Set spec.replicas to 2 or more", List.of("Deployment"), null, "has(object.spec.replicas) && object.spec.replicas >= 2", null);
        ScanResult result = scan(List.of(replicas), List.of(deployment("pay", "api", 1, null), deployment("pay", "web", 3, null)));

        ControlResult custom = result.control("KW-CUSTOM-two-replicas").orElseThrow();
        assertThat(custom.status()).isEqualTo(ControlStatus.FAILED);
        assertThat(custom.control().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(custom.failed()).extracting(r -> r.resource().name()).containsExactly("api");
        assertThat(custom.failed().get(0).rules()).containsExactly("KW-CUSTOM-two-replicas");
        assertThat(custom.passed()).extracting(ObjectRef::name).containsExactly("web");
        assertThat(result.controls()).hasSize(ControlCatalog.standard().controls().size() + 1);
        assertThat(result.control("C-0016")).isPresent();
    }

    @Test
    void judgesPodsAndDeploymentsWithOneExpression() {
        CustomControl limits = control("memory-limits", List.of("Pod", "Deployment"), """
                (object.kind == 'Pod' ? object.spec : object.spec.template.spec).containers.all(c,
                    has(c.resources) && has(c.resources.limits) && 'memory' in c.resources.limits)""");
        ScanResult result = scan(List.of(limits), List.of(pod("pay", "naked", true), deployment("pay", "api", 2, null)));

        ControlResult r = result.control("KW-CUSTOM-memory-limits").orElseThrow();
        assertThat(r.failed()).extracting(ResourceResult::resource).extracting(ObjectRef::kind, ObjectRef::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pod", "naked"));
        assertThat(r.failed().get(0).message()).startsWith("failed expression: (object.kind == 'Pod'");
        assertThat(r.passed()).extracting(ObjectRef::kind).containsExactly("Deployment");
    }

    @Test
    void podsOfADeploymentAreJudgedThroughIt() {
        KubeObject owned = kube("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: api-7d9-x
                  namespace: pay
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, uid: uid-api, controller: true}]
                spec: {containers: [{name: app, image: nginx}]}
                """);
        ScanResult result = scan(List.of(control("named", List.of("Pod", "Deployment"), "object.metadata.name != ''")),
                List.of(deployment("pay", "api", 2, null), owned));
        assertThat(result.control("KW-CUSTOM-named").orElseThrow().passed()).extracting(ObjectRef::kind).containsExactly("Deployment");
    }

    @Test
    void namespaceObjectAndSelectorSeeTheObjectsNamespace() {
        CustomControl nonRoot = new CustomControl("KW-CUSTOM-prod-non-root", "Non-root in prod", "", Severity.HIGH, "", List.of("Pod"),
                yaml("{matchLabels: {env: prod}}"),
                "namespaceObject.metadata.labels.env != 'prod' || (has(object.spec.securityContext.runAsNonRoot) && object.spec.securityContext.runAsNonRoot)",
                "'pod ' + object.metadata.name + ' may run as root in ' + namespaceObject.metadata.name");
        KubeObject prod = kube("{apiVersion: v1, kind: Namespace, metadata: {name: prod, labels: {env: prod}}}");
        KubeObject dev = kube("{apiVersion: v1, kind: Namespace, metadata: {name: dev, labels: {env: dev}}}");
        ScanResult result = scan(List.of(nonRoot), List.of(prod, dev, pod("prod", "root", false), pod("prod", "ok", true), pod("dev", "any", false)));

        ControlResult r = result.control("KW-CUSTOM-prod-non-root").orElseThrow();
        assertThat(r.failed()).extracting(f -> f.resource().name()).containsExactly("root");
        assertThat(r.failed().get(0).message()).isEqualTo("pod root may run as root in prod");
        assertThat(r.passed()).extracting(ObjectRef::name).containsExactly("ok"); // the dev pod is not selected, not "passed"
        assertThat(namespace("x", "y").kind()).isEqualTo("Namespace");
    }

    @Test
    void anObjectOverTheCostLimitIsSkippedWithTheReasonAndTheScanGoesOn() {
        ObjectNode big = new ObjectMapper().createObjectNode();
        big.put("apiVersion", "v1").put("kind", "ConfigMap");
        big.putObject("metadata").put("name", "huge").put("namespace", "pay");
        ArrayNode items = big.putObject("data").putArray("items");
        for (int i = 0; i < 5_000; i++) items.add(i);
        KubeObject small = kube("{apiVersion: v1, kind: ConfigMap, metadata: {name: small, namespace: pay}, data: {items: [1, 2]}}");
        CustomControl quadratic = control("distinct", List.of("ConfigMap"),
                "!has(object.data) || !has(object.data.items) || object.data.items.all(a, object.data.items.exists_one(b, a == b))");

        ScanResult result = scan(List.of(quadratic), List.of(KubeObject.of(big), small));

        ControlResult r = result.control("KW-CUSTOM-distinct").orElseThrow();
        assertThat(r.passed()).extracting(ObjectRef::name).containsExactly("small");
        assertThat(r.failed()).isEmpty();
        assertThat(result.skipped()).extracting(SkippedInput::where, SkippedInput::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("ConfigMap/pay/huge", "skipped: cost limit exceeded (KW-CUSTOM-distinct, limit 100000)"));
    }

    @Test
    void anExpressionErrorSkipsTheObjectWithCelsMessage() {
        ScanResult result = scan(List.of(control("unguarded", List.of("Pod"), "object.spec.securityContext.runAsNonRoot")),
                List.of(kube("{apiVersion: v1, kind: Pod, metadata: {name: p, namespace: a}, spec: {containers: []}}")));
        assertThat(result.control("KW-CUSTOM-unguarded").orElseThrow().status()).isEqualTo(ControlStatus.NOT_APPLICABLE);
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("skipped: KW-CUSTOM-unguarded could not evaluate:").contains("securityContext"));
    }
}
