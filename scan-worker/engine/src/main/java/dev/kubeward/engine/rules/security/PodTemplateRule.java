package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Set;

/**
 * A rule that judges the pod spec of any workload (Pod, Deployment, CronJob …) through its
 * {@link PodTemplate}, so paths come out as {@code spec.template.spec.containers[0]...} or {@code spec.containers[0]...}.
 */
abstract class PodTemplateRule implements ResourceRule {

    private final String name;

    PodTemplateRule(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public Set<String> kinds() {
        return SnapshotIndex.WORKLOAD_KINDS;
    }

    @Override
    public final List<Violation> check(KubeObject object, RuleContext ctx) {
        return PodTemplate.of(object).map(pod -> {
            Finding finding = new Finding();
            inspect(pod, ctx, finding);
            return finding.on(object);
        }).orElse(List.of());
    }

    /** Records in {@code finding} what fails in this pod; records nothing when it passes. */
    abstract void inspect(PodTemplate pod, RuleContext ctx, Finding finding);
}
