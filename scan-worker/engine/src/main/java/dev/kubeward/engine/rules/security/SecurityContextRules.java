package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/** Rules of this concern. */
public final class SecurityContextRules {

    private SecurityContextRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
