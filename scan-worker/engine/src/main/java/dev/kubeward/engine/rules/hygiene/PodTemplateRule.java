package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Set;

/** A rule judged on the pod template of a workload, written once for Pods, Deployments, CronJobs… */
abstract class PodTemplateRule implements ResourceRule {

    @Override
    public Set<String> kinds() {
        return SnapshotIndex.WORKLOAD_KINDS;
    }

    @Override
    public final List<Violation> check(KubeObject object, RuleContext ctx) {
        if (!kinds().contains(object.kind())) return List.of();
        return PodTemplate.of(object).map(t -> check(t, ctx)).orElse(List.of());
    }

    /** Violations of this template's owner; empty when it passes. */
    abstract List<Violation> check(PodTemplate template, RuleContext ctx);
}
