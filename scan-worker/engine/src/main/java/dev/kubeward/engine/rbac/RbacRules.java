package dev.kubeward.engine.rbac;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

/** Rules of this concern. */
public final class RbacRules {

    private RbacRules() {
    }

    public static List<Rule> all() {
        return List.of();
    }
}
