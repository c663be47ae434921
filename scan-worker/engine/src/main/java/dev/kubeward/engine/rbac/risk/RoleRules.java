package dev.kubeward.engine.rbac.risk;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.RuleOutcome;
import dev.kubeward.engine.rule.SnapshotRule;
import dev.kubeward.engine.rule.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Hygiene rules over roles, subjects and namespaces (H3, H5). */
final class RoleRules {

    private RoleRules() {
    }

    /** H3: a role of the user's own that no binding refers to and no aggregated ClusterRole draws from. */
    static SnapshotRule unusedRole() {
        return new SnapshotRule() {
            @Override
            public String name() {
                return "kw-rbac-h3-unused-role";
            }

            @Override
            public RuleOutcome evaluate(RuleContext ctx) {
                RbacIndex index = RbacIndex.of(ctx.index());
                Set<ObjectRef> evaluated = new LinkedHashSet<>();
                index.roles().stream().filter(r -> !r.builtIn()).forEach(r -> evaluated.add(r.ref()));
                List<Violation> out = new ArrayList<>();
                for (Role r : index.unreferencedRoles()) {
                    if (r.builtIn() || index.isAggregationSource(r)) continue;
                    out.add(Violation.on(r.ref()).failed("metadata.name")
                            .message(r.display() + " is not referenced by any binding nor aggregated into another role").build());
                }
                return new RuleOutcome(evaluated, out);
            }
        };
    }

    /** H5: a subject holding at least {@code maxRoles} roles, a namespace with at least {@code maxSubjects} subjects. */
    static SnapshotRule concentration(int maxRoles, int maxSubjects) {
        return new SnapshotRule() {
            @Override
            public String name() {
                return "kw-rbac-h5-role-concentration";
            }

            @Override
            public RuleOutcome evaluate(RuleContext ctx) {
                RbacIndex index = RbacIndex.of(ctx.index());
                Map<Subject, Set<String>> rolesOf = new TreeMap<>();
                Map<String, Set<Subject>> subjectsIn = new TreeMap<>();
                Set<ObjectRef> evaluated = new LinkedHashSet<>();
                for (Binding b : index.bindings()) {
                    if (b.builtIn() || b.role() == null) continue;
                    for (Subject s : b.subjects()) {
                        rolesOf.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(b.role().display());
                        if (!b.clusterWide()) subjectsIn.computeIfAbsent(b.namespace(), k -> new LinkedHashSet<>()).add(s);
                    }
                }
                List<Violation> out = new ArrayList<>();
                rolesOf.forEach((s, roles) -> {
                    evaluated.add(s.toRef());
                    if (roles.size() >= maxRoles) {
                        out.add(Violation.on(s.toRef()).message(s.display() + " holds " + roles.size() + " roles: "
                                + String.join(", ", roles)).build());
                    }
                });
                subjectsIn.forEach((ns, subjects) -> {
                    ObjectRef ref = new ObjectRef("v1", "Namespace", null, ns);
                    evaluated.add(ref);
                    if (subjects.size() >= maxSubjects) {
                        out.add(Violation.on(ref).message("namespace " + ns + " grants roles to " + subjects.size() + " subjects").build());
                    }
                });
                return new RuleOutcome(evaluated, out);
            }
        };
    }

}
