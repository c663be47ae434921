package dev.kubeward.engine.rbac.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rule.ResourceRule;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;

import java.util.List;
import java.util.Set;

/**
 * C-0262: a binding whose subjects include the anonymous user or the unauthenticated group. Kubescape flags
 * every such binding, the discovery defaults ({@code system:public-info-viewer}) included.
 */
public final class AnonymousAccessRule implements ResourceRule {

    @Override
    public String name() {
        return "anonymous-access-enabled";
    }

    @Override
    public Set<String> kinds() {
        return Set.of("RoleBinding", "ClusterRoleBinding");
    }

    @Override
    public List<Violation> check(KubeObject binding, RuleContext ctx) {
        Violation.Builder v = Violation.on(binding)
                .message(binding.kind() + " " + binding.name() + " gives permissions to anonymous users");
        JsonNode subjects = binding.json().path("subjects");
        for (int i = 0; i < subjects.size(); i++) {
            String n = subjects.get(i).path("name").asText("");
            if (n.equals(Subject.ANONYMOUS) || n.equals(Subject.UNAUTHENTICATED)) {
                v.failed("subjects[" + i + "]").delete("subjects[" + i + "]");
            }
        }
        return v.buildIfAny();
    }
}
