package dev.kubeward.engine.rules.cluster;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/** Rules of this concern. */
public final class ClusterRules {

    private ClusterRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
