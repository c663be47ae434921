package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.List;
import java.util.Set;

/** A rule judged on the pods a workload runs, written once for Pods, Deployments, CronJobs… */
abstract class WorkloadRule implements ResourceRule {

    @Override
    public Set<String> kinds() {
        return SnapshotIndex.WORKLOAD_KINDS;
    }

    @Override
    public final List<Violation> check(KubeObject object, RuleContext ctx) {
        return PodTemplate.of(object).map(t -> check(t, ctx)).orElse(List.of());
    }

    /** Violations of this template's owner; empty when it passes. */
    abstract List<Violation> check(PodTemplate template, RuleContext ctx);
}
