package dev.kubeward.engine.rbac;

import dev.kubeward.engine.rbac.risk.KubewardRbacRules;
import dev.kubeward.engine.rbac.rules.KubescapeRbacRules;
import dev.kubeward.engine.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/** Rules of this concern: Kubescape's RBAC rules and Kubeward's own RBAC risk and hygiene rules. */
public final class RbacRules {

    private RbacRules() {
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>(KubescapeRbacRules.all());
        all.addAll(KubewardRbacRules.all());
        return List.copyOf(all);
    }
}
