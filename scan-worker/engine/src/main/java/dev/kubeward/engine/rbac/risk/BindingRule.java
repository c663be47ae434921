package dev.kubeward.engine.rbac.risk;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A check of each of the user's own RoleBindings and ClusterRoleBindings (built-in ones are skipped). */
final class BindingRule implements SnapshotRule {

    interface Check {
        Optional<Violation> check(Binding binding, RbacIndex index, RuleContext ctx);
    }

    private final String name;
    private final Check check;

    BindingRule(String name, Check check) {
        this.name = name;
        this.check = check;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        RbacIndex index = RbacIndex.of(ctx.index());
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (Binding b : index.bindings()) {
            if (b.builtIn()) continue;
            evaluated.add(b.ref());
            check.check(b, index, ctx).ifPresent(violations::add);
        }
        return new RuleOutcome(evaluated, violations);
    }
}
