package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/** Rules of this concern. */
public final class ControlPlaneRules {

    private ControlPlaneRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
