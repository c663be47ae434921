package dev.kubeward.engine.rules;

import dev.kubeward.engine.rule.Rule;

import java.util.ArrayList;
import java.util.List;

/** The rule sets of the library, one per concern; each lists its own rules. */
public final class RuleSets {

    private RuleSets() {
    }

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>();
        all.addAll(dev.kubeward.engine.rules.workload.WorkloadRules.all());
        all.addAll(dev.kubeward.engine.rules.security.SecurityContextRules.all());
        all.addAll(dev.kubeward.engine.rules.hygiene.HygieneRules.all());
        all.addAll(dev.kubeward.engine.rules.network.NetworkRules.all());
        all.addAll(dev.kubeward.engine.rules.controlplane.ControlPlaneRules.all());
        all.addAll(dev.kubeward.engine.rules.cluster.ClusterRules.all());
        all.addAll(dev.kubeward.engine.rbac.RbacRules.all());
        return all;
    }
}
