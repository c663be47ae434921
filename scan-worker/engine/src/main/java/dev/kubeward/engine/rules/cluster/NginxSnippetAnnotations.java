package dev.kubeward.engine.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * C-0059, CVE-2021-25742: an ingress-nginx controller that accepts snippet annotations lets anyone who can
 * create an Ingress read the controller's secrets. Releases before v0.49.1, and v1.0.0, cannot turn them off;
 * later ones honour {@code allow-snippet-annotations} in the controller ConfigMap, which defaults to "true"
 * before v1.9.0 and to "false" from v1.9.0 on. The ConfigMap is the one named by {@code --configmap}, else
 * any ConfigMap of the controller's namespace.
 */
final class NginxSnippetAnnotations implements ResourceRule {

    private static final List<String> CONTROLLER_IMAGES = List.of("nginx-controller", "ingress-controller", "ingress-nginx");
    private static final String KEY = "allow-snippet-annotations";

    @Override
    public String name() {
        return "nginx-ingress-snippet-annotation-vulnerability";
    }

    @Override
    public Set<String> kinds() {
        return SnapshotIndex.WORKLOAD_KINDS;
    }

    @Override
    public List<Violation> check(KubeObject workload, RuleContext ctx) {
        PodTemplate pod = PodTemplate.of(workload).orElse(null);
        if (pod == null) return List.of();
        Violation.Builder v = Violation.on(workload);
        for (PodTemplate.Container c : pod.containers()) {
            if (CONTROLLER_IMAGES.stream().noneMatch(c.image()::contains)) continue;
            Optional<SemanticVersion> version = tagVersion(c.image());
            Optional<String> setting = snippetSetting(ctx.index(), workload, c.json());
            boolean noSwitch = version.filter(ver -> ver.isBefore(SemanticVersion.of(0, 49, 1))
                    || ver.equals(SemanticVersion.of(1, 0, 0))).isPresent();
            boolean allowed;
            if (noSwitch) {
                allowed = true;
            } else if (setting.isPresent()) {
                allowed = !"false".equals(setting.get());
            } else {
                allowed = version.filter(ver -> ver.isBefore(SemanticVersion.of(1, 9, 0))).isPresent();
            }
            if (!allowed) continue;
            v.failed(c.path() + ".image").message(noSwitch
                    ? "ingress-nginx " + c.image() + " is affected by CVE-2021-25742 and cannot disable snippet annotations; upgrade it"
                    : "ingress-nginx " + c.image() + " accepts snippet annotations (CVE-2021-25742); set " + KEY + ": \"false\"");
        }
        return v.buildIfAny();
    }

    /** The version in an image tag ({@code registry.k8s.io/ingress-nginx/controller:v1.0.0@sha256:…}). */
    static Optional<SemanticVersion> tagVersion(String image) {
        int at = image.indexOf('@');
        String ref = at >= 0 ? image.substring(0, at) : image;
        int colon = ref.lastIndexOf(':');
        if (colon < 0 || colon < ref.lastIndexOf('/')) return Optional.empty();
        return SemanticVersion.parse(ref.substring(colon + 1));
    }

    /** The controller's {@value #KEY} setting, if some ConfigMap it reads sets it. */
    private static Optional<String> snippetSetting(SnapshotIndex index, KubeObject workload, JsonNode container) {
        String ns = workload.namespace();
        for (JsonNode arg : container.path("args")) {
            String a = arg.asText("");
            if (!a.startsWith("--configmap=")) continue;
            String ref = a.substring("--configmap=".length());
            int slash = ref.indexOf('/');
            String cmNamespace = slash < 0 || ref.startsWith("$(") ? ns : ref.substring(0, slash);
            String cmName = slash < 0 ? ref : ref.substring(slash + 1);
            return index.ofKindInNamespace("ConfigMap", cmNamespace).stream()
                    .filter(cm -> cmName.equals(cm.name()))
                    .map(cm -> cm.json().path("data").path(KEY))
                    .filter(JsonNode::isTextual)
                    .map(JsonNode::asText)
                    .findFirst();
        }
        return index.ofKindInNamespace("ConfigMap", ns).stream()
                .map(cm -> cm.json().path("data").path(KEY))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .min((a, b) -> "false".equals(a) ? -1 : "false".equals(b) ? 1 : 0);
    }
}
