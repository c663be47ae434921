package dev.kubeward.engine.rbac.risk;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/** R14: a ServiceAccount annotated with a cloud IAM identity — a pod holding its token pivots into the cloud account. */
final class CloudIdentityRule implements ResourceRule {

    private final String name;
    private final List<String> annotations;

    CloudIdentityRule(String name, List<String> annotations) {
        this.name = name;
        this.annotations = List.copyOf(annotations);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("ServiceAccount");
    }

    @Override
    public List<Violation> check(KubeObject sa, RuleContext ctx) {
        Violation.Builder v = Violation.on(sa);
        for (String a : annotations) {
            String value = sa.annotations().path(a).asText("");
            if (!value.isEmpty()) v.failed("metadata.annotations['" + a + "']").message("ServiceAccount " + sa.name()
                    + " is mapped to the cloud identity " + value);
        }
        return v.buildIfAny();
    }
}
