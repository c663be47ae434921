package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/** Rules of this concern. */
public final class NetworkRules {

    private NetworkRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
