package dev.kubeward.engine.rbac.rules;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * C-0053: lists every ServiceAccount that a binding grants an existing role — the permissions any pod running
 * as it (and mounting its token) holds. Reported on the ServiceAccount subject, with bindings and roles related.
 */
public final class ServiceAccountPermissionsRule implements SnapshotRule {

    @Override
    public String name() {
        return "access-container-service-account-v1";
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        RbacIndex index = RbacIndex.of(ctx.index());
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        Map<Subject, List<Binding>> bound = new LinkedHashMap<>();
        for (Binding b : index.bindings()) {
            for (Subject s : b.subjects()) {
                if (s.kind() != Subject.Kind.ServiceAccount) continue;
                evaluated.add(s.toRef());
                if (b.role() != null) bound.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
            }
        }
        List<Violation> violations = new ArrayList<>();
        bound.forEach((subject, bindings) -> {
            Violation.Builder v = Violation.on(subject.toRef());
            List<String> roles = new ArrayList<>();
            for (Binding b : bindings) {
                v.related(b.ref()).related(b.role().ref());
                roles.add(b.role().display() + " via " + b.display());
            }
            violations.add(v.message(subject.display() + " is granted " + String.join(", ", roles)).build());
        });
        return new RuleOutcome(evaluated, violations);
    }
}
