package dev.kubeward.agent.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Severity;
import dev.kubeward.engine.evaluation.ControlResult;
import dev.kubeward.engine.evaluation.ControlStatus;
import dev.kubeward.engine.evaluation.Evaluator;
import dev.kubeward.engine.evaluation.ScanResult;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.engine.exception.ExceptionFile;
import dev.kubeward.engine.exception.Exceptions;
import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rule.ControlInputs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart with image analysis on: still no high or critical finding of our own controls, and pull secrets readable by name only. */
class AgentChartImageScanTest {

    private static final Path CHART = Path.of("..", "deploy", "helm", "kubeward-agent");
    private static final Map<String, Object> IMAGE_SCAN = Map.of("relay.url", "https://kubeward.example.com", "imageScan.enabled", true,
            "imageScan.pullSecrets[0].namespace", "shop", "imageScan.pullSecrets[0].names[0]", "regcred",
            "imageScan.pullSecrets[1].namespace", "payments", "imageScan.pullSecrets[1].names[0]", "ghcr-login",
            "imageScan.pullSecrets[1].names[1]", "ecr-login", "imageScan.plainHttpRegistries[0]", "registry.kube-system:5000");

    @Test
    void imageScanOnHasNoHighOrCriticalFindingsWithEverythingOptionalOn() {
        Map<String, Object> values = new LinkedHashMap<>(IMAGE_SCAN);
        values.put("podDisruptionBudget.enabled", true);
        values.put("networkPolicy.platformCIDRs[0]", "203.0.113.10/32");

        assertThat(highOrCritical(render(values))).isEmpty();
    }

    @Test
    void grantsGetOnExactlyTheListedPullSecretsInTheirNamespacesOnly() {
        List<KubeObject> objects = render(IMAGE_SCAN);
        Map<String, JsonNode> roles = new LinkedHashMap<>();
        objects.stream().filter(o -> o.kind().equals("ClusterRole")).forEach(o -> roles.put(o.name(), o.json()));

        List<String> grants = new ArrayList<>();
        for (KubeObject binding : objects.stream().filter(o -> o.kind().equals("RoleBinding")).toList()) {
            JsonNode b = binding.json();
            assertThat(b.path("subjects").get(0).path("name").asText()).isEqualTo("kubeward-agent");
            for (JsonNode rule : roles.get(b.path("roleRef").path("name").asText()).path("rules")) {
                grants.add(b.path("metadata").path("namespace").asText() + " " + rule.path("resources") + " " + rule.path("resourceNames")
                        + " " + rule.path("verbs"));
            }
        }
        assertThat(grants).containsExactlyInAnyOrder("shop [\"secrets\"] [\"regcred\"] [\"get\"]",
                "payments [\"secrets\"] [\"ghcr-login\",\"ecr-login\"] [\"get\"]");
        assertThat(objects).noneMatch(o -> o.kind().equals("ClusterRoleBinding") && o.json().path("roleRef").path("name").asText().contains("pull-secrets"));
        assertThat(roles.get("kubeward-agent").path("rules").toString()).doesNotContain("secrets");
    }

    @Test
    void wiresTheAgentScratchVolumeAndEgress() {
        List<KubeObject> objects = render(IMAGE_SCAN);
        JsonNode pod = only(objects, "Deployment").path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(container.path("env").toString()).contains("\"KUBEWARD_IMAGE_SCAN\",\"value\":\"true\"")
                .contains("\"KUBEWARD_IMAGE_SCAN_DIR\",\"value\":\"/var/cache/kubeward\"")
                .contains("\"KUBEWARD_PLAIN_HTTP_REGISTRIES\",\"value\":\"registry.kube-system:5000\"")
                .doesNotContain("KUBEWARD_PLATFORM_URL"); // the relay URL is the default
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("resources").path("limits").path("ephemeral-storage").asText()).isEqualTo("1344Mi");
        assertThat(pod.path("volumes").toString()).contains("\"name\":\"image-scan\",\"emptyDir\":{\"sizeLimit\":\"1088Mi\"}");
        assertThat(only(objects, "NetworkPolicy").path("spec").path("egress")).hasSize(4);
    }

    @Test
    void isOffByDefaultAndRefusesSettingsThatCannotWork() {
        List<KubeObject> off = render(Map.of("kafka.bootstrapServers", "k:9092"));
        assertThat(off).noneMatch(o -> o.kind().equals("RoleBinding"));
        assertThat(only(off, "Deployment").toString()).doesNotContain("KUBEWARD_IMAGE_SCAN").doesNotContain("image-scan");

        assertThatThrownBy(() -> template(Map.of("kafka.bootstrapServers", "k:9092", "imageScan.enabled", true)))
                .hasMessageContaining("imageScan needs imageScan.platformUrl");
        assertThatThrownBy(() -> template(Map.of("kafka.bootstrapServers", "k:9092", "imageScan.enabled", true, "imageScan.platformUrl", "http://x")))
                .hasMessageContaining("must be https://");
        assertThatThrownBy(() -> template(Map.of("relay.url", "https://x", "imageScan.enabled", true, "imageScan.pullSecrets[0].namespace", "shop")))
                .hasMessageContaining("needs a namespace and names");
        assertThat(template(Map.of("kafka.bootstrapServers", "k:9092", "imageScan.enabled", true, "imageScan.platformUrl", "https://kubeward.example.com")))
                .contains("KUBEWARD_PLATFORM_URL");
    }

    /** As {@link AgentChartTest}: our controls with the chart's own exception file; anything high or critical left is a finding. */
    private static List<String> highOrCritical(List<KubeObject> objects) {
        ScanResult raw = Evaluator.standard().evaluate(Snapshot.of(objects), ControlInputs.defaults(), ControlCatalog.standard().controls());
        ScanResult result;
        try {
            result = Exceptions.apply(raw, ExceptionFile.read(CHART.resolve("kubeward-exceptions.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> findings = new ArrayList<>();
        for (ControlResult c : result.controls()) {
            Severity severity = c.control().severity();
            if (c.status() != ControlStatus.FAILED || (severity != Severity.HIGH && severity != Severity.CRITICAL)) continue;
            c.failed().forEach(r -> findings.add(c.control().id() + " " + c.control().name() + " on " + r.resource() + ": " + r.message()));
        }
        return findings;
    }

    private static List<KubeObject> render(Map<String, Object> values) {
        List<KubeObject> objects = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        new ManifestReader().read(template(values), "helm:kubeward-agent", objects, skipped);
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
