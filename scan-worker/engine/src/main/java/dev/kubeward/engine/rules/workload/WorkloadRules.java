package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/** Rules of this concern. */
public final class WorkloadRules {

    private WorkloadRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
