package dev.kubeward.engine.rules.hygiene;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/** Rules of this concern. */
public final class HygieneRules {

    private HygieneRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
