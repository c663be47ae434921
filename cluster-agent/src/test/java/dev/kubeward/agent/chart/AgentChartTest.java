package dev.kubeward.agent.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.kubeward.agent.collect.KindSpec;
import dev.kubeward.agent.collect.KubernetesKinds;
import dev.kubeward.agent.image.pickup.ReportKind;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ControlStatus;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.exception.ExceptionFile;
import dev.kubeward.engine.exception.Exceptions;
import dev.kubeward.engine.exception.PostureException;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Renders the agent's Helm chart (no helm binary: helm-java) and holds it to our own controls. */
class AgentChartTest {

    private static final Path CHART = Path.of("..", "deploy", "helm", "kubeward-agent");

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void kafkaInstallHasNoHighOrCriticalFindings() {
        assertNoHighOrCriticalFindings(render(Map.of("kafka.bootstrapServers", "kafka.kubeward.example.com:9093")));
    }

    @Test
    void relayInstallWithEverythingOptionalOnHasNoHighOrCriticalFindings() {
        assertNoHighOrCriticalFindings(render(Map.of("relay.url", "https://kubeward.example.com", "podDisruptionBudget.enabled", true,
                "networkPolicy.apiServerCIDRs[0]", "10.0.0.1/32", "networkPolicy.platformCIDRs[0]", "203.0.113.10/32", "sbomPickup.enabled", true)));
    }

    @Test
    void clusterRoleGrantsExactlyTheCollectedKindsReadOnlyAndSecretsOnlyWhenAskedTo() {
        assertThat(grants(Map.of("kafka.bootstrapServers", "k:9092"))).isEqualTo(expectedGrants(false));
        assertThat(grants(Map.of("kafka.bootstrapServers", "k:9092", "secretsMetadata.enabled", true))).isEqualTo(expectedGrants(true));
        assertThat(KubernetesKinds.ALL.stream().filter(KindSpec::metadataOnly).map(KindSpec::label)).containsExactly("core/secrets");
    }

    @Test
    void sbomPickupAddsReadOnlyGrantsOnExactlyTheReportKindsAndNothingWhenOff() {
        Set<String> pickupGrants = Arrays.stream(ReportKind.values()).map(k -> k.group() + "/" + k.resource() + " [get, list]")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> withPickup = new TreeSet<>(expectedGrants(false));
        withPickup.addAll(pickupGrants);

        assertThat(pickupGrants).hasSize(6);
        assertThat(grants(Map.of("relay.url", "https://kubeward.example.com", "sbomPickup.enabled", true))).isEqualTo(withPickup);
        assertThat(grants(Map.of("relay.url", "https://kubeward.example.com"))).isEqualTo(expectedGrants(false))
                .noneMatch(g -> g.startsWith("aquasecurity.github.io/") || g.startsWith("spdx.softwarecomposition.kubescape.io/"));
    }

    @Test
    void sbomPickupIsWiredOnlyWhenEnabledAndNeedsAnHttpsPlatform() {
        assertThat(only(render(Map.of("relay.url", "https://kubeward.example.com")), "Deployment").toString())
                .doesNotContain("KUBEWARD_SBOM_PICKUP").doesNotContain("KUBEWARD_PLATFORM_URL");
        String env = only(render(Map.of("kafka.bootstrapServers", "k:9092", "sbomPickup.enabled", true,
                "imageScan.platformUrl", "https://kubeward.example.com")), "Deployment").path("spec").path("template").path("spec")
                .path("containers").get(0).path("env").toString();
        assertThat(env).contains("\"KUBEWARD_SBOM_PICKUP\",\"value\":\"true\"")
                .contains("\"KUBEWARD_SBOM_PICKUP_MAX_REPORT_MIB\",\"value\":\"32\"")
                .contains("\"KUBEWARD_SBOM_PICKUP_MAX_COMPONENTS\",\"value\":\"20000\"")
                .contains("\"KUBEWARD_PLATFORM_URL\",\"value\":\"https://kubeward.example.com\"")
                .doesNotContain("KUBEWARD_IMAGE_SCAN\"");

        assertThatThrownBy(() -> template(Map.of("kafka.bootstrapServers", "k:9092", "sbomPickup.enabled", true)))
                .hasMessageContaining("sbomPickup needs imageScan.platformUrl");
        assertThatThrownBy(() -> template(Map.of("kafka.bootstrapServers", "k:9092", "sbomPickup.enabled", true, "imageScan.platformUrl", "http://x")))
                .hasMessageContaining("must be https://");
    }

    private static Set<String> grants(Map<String, Object> values) {
        JsonNode role = only(render(values), "ClusterRole");

        Set<String> granted = new TreeSet<>();
        for (JsonNode rule : role.path("rules")) {
            Set<String> verbs = new TreeSet<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    String name = (group.asText().isEmpty() ? "core" : group.asText()) + "/" + resource.asText();
                    granted.add(name + " " + verbs);
                }
            }
        }
        return granted;
    }

    private static Set<String> expectedGrants(boolean secrets) {
        return KubernetesKinds.ALL.stream().filter(k -> secrets || !k.metadataOnly())
                .map(k -> k.label() + " " + (k.metadataOnly() ? "[list]" : "[get, list, watch]"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void agentPodIsLockedDown() {
        JsonNode deployment = only(render(Map.of("kafka.bootstrapServers", "k:9092")), "Deployment");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(pod.path("automountServiceAccountToken").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        JsonNode sc = container.path("securityContext");
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(sc.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(container.path("resources").path("limits").path("memory").asText()).isEqualTo("512Mi");
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isEqualTo("100m");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
        assertThat(container.path("env").toString()).contains("KUBEWARD_KAFKA_BOOTSTRAP").doesNotContain("KUBEWARD_RELAY_URL")
                .contains("KUBEWARD_CLUSTER_SECRET_FILE").doesNotContain("\"KUBEWARD_CLUSTER_SECRET\"");
    }

    @Test
    void existingSecretReplacesTheChartsSecret() {
        List<KubeObject> objects = render(Map.of("kafka.bootstrapServers", "k:9092", "clusterSecret", "", "existingSecret", "my-credential"));

        assertThat(objects).noneMatch(o -> o.kind().equals("Secret"));
        assertThat(only(objects, "Deployment").toString()).contains("\"secretName\":\"my-credential\"");
    }

    @Test
    void networkPolicyAllowsOnlyDnsApiServerAndPlatformEgress() {
        JsonNode policy = only(render(Map.of("relay.url", "https://kubeward.example.com", "networkPolicy.platformCIDRs[0]", "203.0.113.10/32")),
                "NetworkPolicy");

        assertThat(policy.path("spec").path("policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        assertThat(policy.path("spec").path("egress")).hasSize(3);
        assertThat(policy.path("spec").path("egress").get(2).toString()).contains("203.0.113.10/32");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> template(Map.of())).hasMessageContaining("exactly one of kafka.bootstrapServers and relay.url");
        assertThatThrownBy(() -> template(Map.of("kafka.bootstrapServers", "k:9092", "relay.url", "https://x")))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> template(Map.of("relay.url", "http://plain.example.com"))).hasMessageContaining("https://");
        assertThatThrownBy(() -> template(Map.of("kafka.bootstrapServers", "k:9092", "imageScanning.enabled", true)))
                .hasMessageContaining("not yet available");
    }

    /**
     * Our own controls, with the chart's shipped exception file applied: the agent must read the API (its token is
     * mounted, C-0261) and sign with its cluster secret (mounted, C-0255) — accepted risks, each with its reason,
     * visible as excepted, never silently passed. Anything else high or critical fails the test.
     */
    /**
     * Listing Secrets (metadata only, values never requested) is opt-in because RBAC cannot tell a metadata-only
     * list from a full one: our own controls must say so on such an install — the permission (C-0015, R10) and
     * the agent running with it (R34) — and nothing else.
     */
    @Test
    void secretsMetadataInstallIsFlaggedForListingSecretsAndForNothingElse() {
        List<KubeObject> objects = render(Map.of("relay.url", "https://kubeward.example.com", "secretsMetadata.enabled", true));
        assertThat(highOrCriticalFindings(objects)).extracting(f -> f.substring(0, f.indexOf(' ')))
                .containsExactlyInAnyOrder("C-0015", "KW-RBAC-R10", "KW-RBAC-R34");
    }

    private static void assertNoHighOrCriticalFindings(List<KubeObject> objects) {
        assertThat(highOrCriticalFindings(objects)).as("high or critical findings on the rendered chart").isEmpty();
    }

    private static List<String> highOrCriticalFindings(List<KubeObject> objects) {
        ScanResult raw = Evaluator.standard().evaluate(Snapshot.of(objects), ControlInputs.defaults(), ControlCatalog.standard().controls());
        List<PostureException> accepted;
        try {
            accepted = ExceptionFile.read(CHART.resolve("kubeward-exceptions.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(accepted).extracting(PostureException::controlIds).containsExactlyInAnyOrder(List.of("C-0261"), List.of("C-0255"));
        ScanResult result = Exceptions.apply(raw, accepted);
        result.controls().forEach(c -> c.excepted().forEach(ex -> assertThat(ex.reason()).isNotBlank()));

        List<String> findings = new ArrayList<>();
        for (ControlResult c : result.controls()) {
            if (c.status() != ControlStatus.FAILED) continue;
            Severity severity = c.control().severity();
            if (severity != Severity.HIGH && severity != Severity.CRITICAL) continue;
            c.failed().forEach(r -> findings.add(c.control().id() + " " + c.control().name() + " (" + severity + ") on " + r.resource()
                    + ": " + r.message() + " " + r.failedPaths()));
        }
        assertThat(result.objectCount()).isGreaterThanOrEqualTo(6);
        return findings;
    }

    private static List<KubeObject> render(Map<String, Object> values) {
        String yaml = template(values);
        List<KubeObject> objects = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        new ManifestReader().read(yaml, "helm:kubeward-agent", objects, skipped);
        assertThat(skipped).isEmpty();
        return objects;
    }

    private static String template(Map<String, Object> values) {
        TemplateCommand template = new Helm(CHART).template().withName("kubeward-agent").withNamespace("kubeward").withKubeVersion("v1.30.0")
                .set("clusterId", "c-7f3a9").set("clusterSecret", "s3cr3t-value");
        values.forEach(template::set);
        return template.call();
    }

    private static JsonNode only(List<KubeObject> objects, String kind) {
        List<KubeObject> matching = objects.stream().filter(o -> o.kind().equals(kind)).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0).json();
    }
}
