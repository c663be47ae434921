package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/** C-0189: a namespace with no ServiceAccount of its own, whose pods can only run as {@code default}. */
final class NamespaceWithoutServiceAccount implements ResourceRule {

    @Override
    public String name() {
        return "namespace-without-service-account";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Namespace");
    }

    @Override
    public List<Violation> check(KubeObject namespace, RuleContext ctx) {
        boolean hasOwn = ctx.index().ofKindInNamespace("ServiceAccount", namespace.name()).stream()
                .anyMatch(sa -> !"default".equals(sa.name()));
        if (hasOwn) return List.of();
        return new Finding(namespace)
                .note("Namespace " + namespace.name() + " has no service account besides 'default'")
                .result();
    }
}
