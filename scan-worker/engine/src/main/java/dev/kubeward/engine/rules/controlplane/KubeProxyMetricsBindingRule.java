package dev.kubeward.engine.rules.controlplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * C-0291: kube-proxy's metrics endpoint (unauthenticated) must listen on loopback only. Read from the
 * KubeProxyConfiguration kept in {@code kube-system}: {@code kube-proxy} (kubeadm) or {@code kube-proxy-config}
 * (EKS). An empty or missing {@code metricsBindAddress} passes: kube-proxy then defaults to
 * {@code 127.0.0.1:10249}, where Kubescape fails it.
 */
final class KubeProxyMetricsBindingRule implements SnapshotRule {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CONFIG_MAP_NAMES = Set.of("kube-proxy", "kube-proxy-config");

    @Override
    public String name() {
        return "ensure-that-the-kube-proxy-metrics-service-is-bound-to-localhost";
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (KubeObject cm : ctx.index().ofKind("ConfigMap", "kube-system")) {
            if (!CONFIG_MAP_NAMES.contains(cm.name())) continue;
            Optional<JsonNode> config = proxyConfiguration(cm);
            if (config.isEmpty()) continue;
            evaluated.add(cm.ref());
            String address = config.get().path("metricsBindAddress").asText("").strip();
            if (address.isEmpty() || Addresses.isLoopback(Addresses.hostOf(address))) continue;
            violations.add(Violation.on(cm)
                    .message("kube-proxy serves metrics on " + address + ", beyond the node itself; set metricsBindAddress to 127.0.0.1:10249")
                    .failed("data")
                    .build());
        }
        return new RuleOutcome(evaluated, violations);
    }

    /** The first data entry that parses as a KubeProxyConfiguration. */
    private static Optional<JsonNode> proxyConfiguration(KubeObject cm) {
        Iterator<Map.Entry<String, JsonNode>> entries = cm.json().path("data").fields();
        while (entries.hasNext()) {
            try {
                JsonNode doc = YAML.readTree(entries.next().getValue().asText(""));
                if (doc != null && "KubeProxyConfiguration".equals(doc.path("kind").asText())) return Optional.of(doc);
            } catch (JsonProcessingException e) {
                // Another kind of entry (a kubeconfig with odd quoting, say): not the one we look for.
            }
        }
        return Optional.empty();
    }
}
