package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ControlInputs;
import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cases where Kubernetes semantics add to, or differ from, a literal reading of the manifest. */
class HygieneRuleBehaviourTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void requestDefaultsToTheLimitOfTheSameResource() {
        String pod = """
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: limited
                    resources: {limits: {cpu: 500m}}
                  - name: bare
                """;
        List<Violation> violations = run(ResourceSetRule.cpuRequests(), ControlInputs.defaults(), pod);
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.fixPaths())
                .containsExactly(new FixPath("spec.containers[1].resources.requests.cpu", "YOUR_VALUE")));
        assertThat(run(ResourceSetRule.memoryRequests(), ControlInputs.defaults(), pod)).hasSize(1);
    }

    @Test
    void tokenMountCountsRoleBindingSubjectsInTheBindingsNamespace() {
        String objects = """
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec: {template: {spec: {serviceAccountName: web, containers: [{name: c}]}}}
                ---
                kind: ServiceAccount
                metadata: {name: web, namespace: shop}
                ---
                kind: RoleBinding
                metadata: {name: rb, namespace: shop}
                subjects: [{kind: ServiceAccount, name: web}]
                """;
        assertThat(run(new ServiceAccountTokenMountRule(), ControlInputs.defaults(), objects)).singleElement()
                .satisfies(v -> assertThat(v.fixPaths()).containsExactly(
                        new FixPath("spec.template.spec.automountServiceAccountToken", "false")));
    }

    @Test
    void tokenMountIgnoresBindingsOfAnAccountWithTheSameNameElsewhere() {
        String objects = """
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec: {serviceAccountName: web, automountServiceAccountToken: true, containers: [{name: c}]}
                ---
                kind: ServiceAccount
                metadata: {name: web, namespace: shop}
                ---
                kind: ClusterRoleBinding
                metadata: {name: crb}
                subjects: [{kind: ServiceAccount, name: web, namespace: other}]
                """;
        assertThat(run(new ServiceAccountTokenMountRule(), ControlInputs.defaults(), objects)).isEmpty();
    }

    @Test
    void statefulSetClaimTemplatesCountAsMountedClaims() {
        String objects = """
                kind: StatefulSet
                metadata: {name: db, namespace: data}
                spec:
                  volumeClaimTemplates: [{metadata: {name: pgdata}}]
                  template: {spec: {containers: [{name: pg, volumeMounts: [{name: pgdata, mountPath: /var/lib/pg}]}]}}
                ---
                kind: PersistentVolumeClaim
                metadata: {name: pgdata-db-0, namespace: data}
                """;
        assertThat(run(new MountedVolumeRule(MountedVolumeRule.Source.PVC), ControlInputs.defaults(), objects))
                .singleElement().satisfies(v -> assertThat(v.failedPaths())
                        .containsExactly("spec.template.spec.containers[0].volumeMounts[0]"));
    }

    @Test
    void selectorMismatchPointsAtExpressionsWhenLabelsMatch() {
        String deployment = """
                kind: Deployment
                metadata: {name: d}
                spec:
                  selector:
                    matchLabels: {app: api}
                    matchExpressions: [{key: tier, operator: In, values: [backend]}]
                  template: {metadata: {labels: {app: api, tier: frontend}}, spec: {containers: [{name: c}]}}
                """;
        assertThat(run(new MismatchingSelectorRule(), ControlInputs.defaults(), deployment)).singleElement()
                .satisfies(v -> assertThat(v.failedPaths()).containsExactly("spec.selector.matchExpressions"));
    }

    @Test
    void deprecatedServiceAccountAloneNamesTheAccount() {
        String pod = """
                kind: Pod
                metadata: {name: p, namespace: app}
                spec: {serviceAccount: ghost, containers: [{name: c}]}
                """;
        assertThat(run(new NonExistentServiceAccountRule(), ControlInputs.defaults(), pod)).singleElement()
                .satisfies(v -> assertThat(v.failedPaths()).containsExactly("spec.serviceAccount"));
    }

    @Test
    void sandboxCeilingComparesAcrossUnitsAndUsesTheLowestCeiling() {
        String template = """
                kind: SandboxTemplate
                metadata: {name: s}
                spec:
                  podTemplate:
                    spec:
                      containers:
                      - {name: ok, resources: {limits: {cpu: "0.5"}}}
                      - {name: big, resources: {limits: {cpu: 2}}}
                      - {name: exact, resources: {limits: {cpu: 1000m}}}
                """;
        ControlInputs ceilings = ControlInputs.defaults().with(Map.of("sandbox_cpu_limit_max", List.of("4", "1")));
        assertThat(run(SandboxResourceCeilingRule.cpu(), ceilings, template)).singleElement()
                .satisfies(v -> assertThat(v.failedPaths()).containsExactly("spec.podTemplate.spec.containers[1].resources.limits.cpu"));
    }

    @Test
    void digestExemptionStopsAtARepositoryBoundary() {
        assertThat(ImageDigestPinRule.isExempt("internal-registry/nginx:1.25", List.of("internal-registry"))).isTrue();
        assertThat(ImageDigestPinRule.isExempt("internal-registry:5000/nginx", List.of("internal-registry"))).isTrue();
        assertThat(ImageDigestPinRule.isExempt("internal-registry-attacker/app", List.of("internal-registry"))).isFalse();
    }

    private static List<Violation> run(ResourceRule rule, ControlInputs inputs, String yaml) {
        List<KubeObject> objects = new ArrayList<>();
        Arrays.stream(yaml.split("(?m)^---$")).forEach(doc -> {
            try {
                objects.add(KubeObject.of(YAML.readTree(doc)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        SnapshotIndex index = SnapshotIndex.of(objects);
        RuleContext ctx = new RuleContext(index, inputs);
        List<Violation> violations = new ArrayList<>();
        for (KubeObject o : objects) {
            if (rule.kinds().contains(o.kind())) violations.addAll(rule.check(o, ctx));
        }
        return violations;
    }
}
