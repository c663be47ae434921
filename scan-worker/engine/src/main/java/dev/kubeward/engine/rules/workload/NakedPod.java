package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/** C-0073: pods that no controller owns, which nothing recreates when their node fails. */
final class NakedPod implements ResourceRule {

    @Override
    public String name() {
        return "naked-pods";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Pod");
    }

    @Override
    public List<Violation> check(KubeObject pod, RuleContext ctx) {
        if (pod.metadata().path("ownerReferences").size() > 0) return List.of();
        return new Finding(pod).note("Pod " + pod.name() + " is not managed by a Deployment, StatefulSet, Job or other controller")
                .result();
    }
}
