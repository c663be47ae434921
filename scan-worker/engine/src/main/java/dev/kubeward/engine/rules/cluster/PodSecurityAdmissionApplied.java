package dev.kubeward.engine.rules.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Set;

/**
 * C-0192: a namespace must be under some pod policy control — a Pod Security Admission enforce label
 * naming a level, or a third-party admission webhook (Kyverno, Gatekeeper…) registered for namespaced
 * resources. A webhook rule without {@code scope} defaults to "*", which includes namespaced resources.
 * Only the {@code enforce} label enforces; {@code enforce-version} alone does not.
 */
final class PodSecurityAdmissionApplied implements ResourceRule {

    private static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    private static final Set<String> LEVELS = Set.of("privileged", "baseline", "restricted");

    private final String name;

    private PodSecurityAdmissionApplied(String name) {
        this.name = name;
    }

    /** Kubescape ships the same check twice, once per framework version. */
    static List<PodSecurityAdmissionApplied> both() {
        return List.of(new PodSecurityAdmissionApplied("pod-security-admission-applied-1"),
                new PodSecurityAdmissionApplied("pod-security-admission-applied-2"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Namespace");
    }

    @Override
    public List<Violation> check(KubeObject namespace, RuleContext ctx) {
        if (LEVELS.contains(namespace.labels().path(ENFORCE).asText(""))) return List.of();
        if (hasNamespacedWebhook(ctx.index())) return List.of();
        return List.of(Violation.on(namespace)
                .message("namespace " + namespace.name() + " has no pod security admission level and no policy webhook covers it")
                .fix("metadata.labels[" + ENFORCE + "]", "baseline")
                .build());
    }

    private static boolean hasNamespacedWebhook(SnapshotIndex index) {
        for (String kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
            for (KubeObject config : index.ofKind(kind)) {
                for (JsonNode webhook : config.json().path("webhooks")) {
                    for (JsonNode rule : webhook.path("rules")) {
                        if (!"Cluster".equals(rule.path("scope").asText("*"))) return true;
                    }
                }
            }
        }
        return false;
    }
}
