package dev.kubeward.engine.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.catalog.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.custom.Objects.control;
import static dev.kubeward.engine.custom.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class CompiledCustomControlTest {

    private final CustomControlCompiler compiler = new CustomControlCompiler();

    private Verdict evaluate(String expression, String object) {
        return compiler.compile(control("t", List.of("Pod"), expression)).evaluate(yaml(object), null);
    }

    @Test
    void aMissingKeyIsAnErrorUnlessGuardedWithHas() {
        String noSecurityContext = "{kind: Pod, metadata: {name: p}, spec: {containers: []}}";
        Verdict unguarded = evaluate("object.spec.securityContext.runAsNonRoot == true", noSecurityContext);
        assertThat(unguarded.outcome()).isEqualTo(Verdict.Outcome.ERROR);
        assertThat(unguarded.message()).contains("securityContext");

        Verdict guarded = evaluate("has(object.spec.securityContext) && has(object.spec.securityContext.runAsNonRoot)"
                + " && object.spec.securityContext.runAsNonRoot", noSecurityContext);
        assertThat(guarded.outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(guarded.message()).startsWith("failed expression: has(object.spec.securityContext)");

        assertThat(evaluate("!has(object.spec.hostNetwork) || !object.spec.hostNetwork", noSecurityContext).outcome())
                .isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void jsonNumbersCompareAsCelIntsAndDoubles() {
        String obj = "{kind: Deployment, spec: {replicas: 3, ratio: 0.5, big: 12345678901234}}";
        assertThat(evaluate("object.spec.replicas == 3 && object.spec.ratio < 1.0 && object.spec.big > 1", obj).outcome())
                .isEqualTo(Verdict.Outcome.PASS);
        assertThat(evaluate("object.spec.replicas >= 4", obj).outcome()).isEqualTo(Verdict.Outcome.FAIL);
    }

    @Test
    void nullsAndBooleansAndListsConvert() {
        String obj = "{kind: Pod, spec: {nodeName: null, hostPID: false, containers: [{name: a, ports: [{containerPort: 80}]}]}}";
        assertThat(evaluate("object.spec.nodeName == null && object.spec.hostPID == false"
                + " && object.spec.containers.exists(c, c.ports.exists(p, p.containerPort == 80))", obj))
                .satisfies(v -> assertThat(v.outcome()).as(v.message()).isEqualTo(Verdict.Outcome.PASS));
    }

    @Test
    void aResultThatIsNotBooleanIsAnError() {
        Verdict v = evaluate("object.spec", "{kind: Pod, spec: {a: 1}}");
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.ERROR);
        assertThat(v.message()).contains("must evaluate to a bool, not a map");
    }

    @Test
    void theMessageExpressionWritesTheFindingsMessage() {
        CustomControl c = new CustomControl("KW-CUSTOM-replicas", "Replicas", "", Severity.MEDIUM, "", List.of("Deployment"), null,
                "object.spec.replicas >= 2", "'only ' + string(object.spec.replicas) + ' replica(s) of ' + object.metadata.name");
        Verdict v = compiler.compile(c).evaluate(yaml("{kind: Deployment, metadata: {name: api}, spec: {replicas: 1}}"), null);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(v.message()).isEqualTo("only 1 replica(s) of api");
    }

    @Test
    void namespaceObjectIsTheObjectsNamespaceOrAnEmptyMap() {
        CompiledCustomControl c = compiler.compile(control("owner", List.of("Pod"),
                "has(namespaceObject.metadata) && has(namespaceObject.metadata.labels) && 'owner' in namespaceObject.metadata.labels"));
        JsonNode pod = yaml("{kind: Pod, metadata: {name: p, namespace: pay}}");
        assertThat(c.evaluate(pod, yaml("{kind: Namespace, metadata: {name: pay, labels: {owner: team-a}}}")).outcome())
                .isEqualTo(Verdict.Outcome.PASS);
        assertThat(c.evaluate(pod, yaml("{kind: Namespace, metadata: {name: pay}}")).outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(c.evaluate(pod, null).outcome()).isEqualTo(Verdict.Outcome.FAIL);
    }

    /**
     * Two nested comprehensions are cheap by estimate (100 x 100 assumed elements) but quadratic in the real list:
     * over 20,000 elements that is 400 million steps. The runtime budget stops it after the limit's worth of nodes,
     * so this test is bounded by the limit, not by a clock.
     */
    @Test
    void aPathologicalExpressionStopsAtTheRuntimeCostLimit() {
        ObjectNode obj = new ObjectMapper().createObjectNode();
        obj.put("kind", "ConfigMap");
        ArrayNode items = obj.putObject("data").putArray("items");
        for (int i = 0; i < 20_000; i++) items.add(i);
        CompiledCustomControl c = new CustomControlCompiler(new CostLimits(1_000_000, 50_000)).compile(control("quadratic",
                List.of("ConfigMap"), "object.data.items.all(a, object.data.items.all(b, a + b >= 0))"));

        Verdict v = c.evaluate(obj, null);

        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.COST_LIMIT_EXCEEDED);
        assertThat(v.message()).isEqualTo("skipped: cost limit exceeded");
        // NB: CEL's && and || absorb an error when the other side decides, so a few nodes may still run after the limit
        assertThat(v.cost()).isBetween(50_001L, 50_100L);
    }

    @Test
    void buildingLargeValuesPaysForTheirSize() {
        CompiledCustomControl c = new CustomControlCompiler(new CostLimits(1_000_000, 1_000)).compile(control("concat",
                List.of("ConfigMap"), "size(object.data.items + object.data.items + object.data.items) > 0"));
        ObjectNode obj = new ObjectMapper().createObjectNode();
        ArrayNode items = obj.putObject("data").putArray("items");
        for (int i = 0; i < 600; i++) items.add(i);
        assertThat(c.evaluate(obj, null).outcome()).isEqualTo(Verdict.Outcome.COST_LIMIT_EXCEEDED);
    }
}
