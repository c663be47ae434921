package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0300: a HorizontalPodAutoscaler whose scaleTargetRef names a Deployment, StatefulSet, ReplicaSet or
 * ReplicationController missing from its namespace scales nothing. Custom scalable kinds cannot be resolved
 * offline and are not judged.
 */
final class HpaWithoutTarget implements ResourceRule {

    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    @Override
    public String name() {
        return "hpa-has-target";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("HorizontalPodAutoscaler");
    }

    @Override
    public List<Violation> check(KubeObject hpa, RuleContext ctx) {
        String kind = hpa.spec().path("scaleTargetRef").path("kind").asText("");
        String target = hpa.spec().path("scaleTargetRef").path("name").asText("");
        if (!SCALABLE.contains(kind)) return List.of();
        boolean exists = ctx.index().ofKindInNamespace(kind, hpa.namespace()).stream().anyMatch(w -> target.equals(w.name()));
        if (exists) return List.of();
        String ns = hpa.namespace() == null ? "default" : hpa.namespace();
        return List.of(Violation.on(hpa)
                .message("scaleTargetRef points to " + kind + " " + target + ", which does not exist in namespace " + ns)
                .failed("spec.scaleTargetRef.name")
                .build());
    }
}
