package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/** C-0026: lists CronJobs, a common way for attackers to persist; each one is reported for review. */
final class CronJobPresence implements ResourceRule {

    @Override
    public String name() {
        return "rule-deny-cronjobs";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("CronJob");
    }

    @Override
    public List<Violation> check(KubeObject cronJob, RuleContext ctx) {
        return new Finding(cronJob).note("CronJob " + cronJob.name() + " is defined; check it is expected").result();
    }
}
