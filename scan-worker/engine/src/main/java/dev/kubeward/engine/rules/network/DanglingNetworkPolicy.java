package dev.kubeward.engine.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0299: a NetworkPolicy whose (non-empty) podSelector matches no workload of its namespace protects
 * nothing — usually a renamed label. An empty selector selects every pod and is never dangling.
 */
final class DanglingNetworkPolicy implements ResourceRule {

    @Override
    public String name() {
        return "dangling-networkpolicy";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(NetworkPolicyRule.NETWORK_POLICY);
    }

    @Override
    public List<Violation> check(KubeObject policy, RuleContext ctx) {
        NetworkPolicyRule rule = NetworkPolicyRule.of(policy).get(0);
        if (rule.isEmptySelector()) return List.of();
        String ns = PodSelection.namespaceOf(policy);
        JsonNode selector = rule.selector();
        if (!PodSelection.of(ctx.index()).workloadsMatching(ns, selector).isEmpty()) return List.of();
        return List.of(Violation.on(policy)
                .message("podSelector matches no workload in namespace " + ns)
                .failed("spec.podSelector")
                .build());
    }
}
