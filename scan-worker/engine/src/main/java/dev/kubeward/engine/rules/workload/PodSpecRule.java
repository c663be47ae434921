package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Set;

/**
 * A rule judged on the pod spec of any workload through its {@link PodTemplate}, so one implementation reports
 * {@code spec.containers[0]...} on a Pod and {@code spec.jobTemplate.spec.template.spec.containers[0]...} on a CronJob.
 */
abstract class PodSpecRule implements ResourceRule {

    private final String name;

    PodSpecRule(String name) {
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
            Finding finding = new Finding(object);
            inspect(pod, ctx, finding);
            return finding.result();
        }).orElse(List.of());
    }

    /** Records on {@code finding} the paths that fail in this pod spec (and its message); nothing when it passes. */
    abstract void inspect(PodTemplate pod, RuleContext ctx, Finding finding);

    /** "Deployment web", for messages. */
    static String describe(PodTemplate pod) {
        return pod.owner().kind() + " " + pod.owner().name();
    }
}
