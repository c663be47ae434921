package dev.kubeward.engine.rbac.rules;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.WorkloadIdentity;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A workload that mounts the token of a ServiceAccount holding a dangerous permission (C-0267, C-0272).
 * The ServiceAccount's permissions include those of its implicit groups ({@code system:serviceaccounts[:ns]},
 * {@code system:authenticated}): the token carries them too. Reported on the workload, with the
 * ServiceAccount, bindings and roles as related objects.
 */
public final class WorkloadRoleRule implements SnapshotRule {

    private final String name;
    private final String what;
    private final GrantMatcher dangerous;

    public WorkloadRoleRule(String name, String what, GrantMatcher dangerous) {
        this.name = name;
        this.what = what;
        this.dangerous = dangerous;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        RbacIndex index = RbacIndex.of(ctx.index());
        // NB: found once through the index, then looked up per workload: testing every grant of every workload is quadratic.
        Set<Grant> dangerousGrants = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        dangerousGrants.addAll(dangerous.find(index));
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (WorkloadIdentity w : WorkloadIdentity.all(ctx.index())) {
            evaluated.add(w.workload().ref());
            if (!w.tokenMounted()) continue;
            List<Grant> hits = index.whatCan(w.serviceAccount()).stream().filter(dangerousGrants::contains).toList();
            if (hits.isEmpty()) continue;
            Violation.Builder v = Violation.on(w.workload()).failed(w.template().specPath() + ".serviceAccountName");
            w.serviceAccountObject().ifPresent(v::related);
            Set<String> via = new LinkedHashSet<>();
            for (Grant g : hits) {
                v.related(g.binding().ref()).related(g.role().ref());
                via.add(g.binding().display() + " → " + g.role().display());
            }
            violations.add(v.message(w.workload().kind() + " " + w.workload().name() + " runs as "
                    + w.serviceAccount().display() + " with its token mounted, which " + what + " (via " + String.join(", ", via) + ")")
                    .build());
        }
        return new RuleOutcome(evaluated, violations);
    }
}
