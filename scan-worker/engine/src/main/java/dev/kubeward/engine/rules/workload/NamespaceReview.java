package dev.kubeward.engine.rules.workload;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0209: lists every namespace for review — whether namespaces draw real administrative boundaries is for a
 * human to judge, so each one is reported, as Kubescape does.
 */
final class NamespaceReview implements ResourceRule {

    @Override
    public String name() {
        return "list-all-namespaces";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("Namespace");
    }

    @Override
    public List<Violation> check(KubeObject namespace, RuleContext ctx) {
        return new Finding(namespace).note("Review namespace " + namespace.name() + " as an administrative boundary").result();
    }
}
