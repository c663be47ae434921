package dev.kubeward.engine.rules.network;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0049, C-0054, C-0206: a namespace without any network policy lets every pod in it talk to and from
 * anything. A cluster-wide Cilium policy counts only when it isolates every pod of the namespace.
 */
final class NamespaceWithoutNetworkPolicy implements ResourceRule {

    @Override
    public String name() {
        return "internal-networking";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Namespace");
    }

    @Override
    public List<Violation> check(KubeObject namespace, RuleContext ctx) {
        if (PodSelection.of(ctx.index()).namespaceHasPolicy(namespace.name())) return List.of();
        return List.of(Violation.on(namespace)
                .message("no network policy is defined for namespace " + namespace.name())
                .build());
    }
}
