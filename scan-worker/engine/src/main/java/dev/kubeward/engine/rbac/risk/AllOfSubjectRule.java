package dev.kubeward.engine.rbac.risk;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rbac.rules.GrantMatcher;
import dev.kubeward.engine.rbac.rules.SubjectRule;
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

/**
 * A subject fails when it holds every one of several permissions (CSR issuance needs create, approval and a
 * signer; stealing pods needs eviction and node writes), and none of the {@code unless} ones. Only the user's
 * own grants count (built-in bindings are the platform's business).
 */
final class AllOfSubjectRule implements SnapshotRule {

    private final String name;
    private final String what;
    private final List<GrantMatcher> required;
    private final List<GrantMatcher> unless;

    AllOfSubjectRule(String name, String what, List<GrantMatcher> required, List<GrantMatcher> unless) {
        this.name = name;
        this.what = what;
        this.required = List.copyOf(required);
        this.unless = List.copyOf(unless);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        RbacIndex index = RbacIndex.of(ctx.index());
        Map<Subject, List<Grant>> hits = null;
        for (GrantMatcher m : required) {
            Map<Subject, List<Grant>> found = bySubject(m.find(index));
            if (hits == null) {
                hits = found;
            } else {
                Map<Subject, List<Grant>> next = new TreeMap<>();
                for (var e : hits.entrySet()) {
                    if (!found.containsKey(e.getKey())) continue;
                    List<Grant> all = new ArrayList<>(e.getValue());
                    all.addAll(found.get(e.getKey()));
                    next.put(e.getKey(), all);
                }
                hits = next;
            }
        }
        for (GrantMatcher m : unless) bySubject(m.find(index)).keySet().forEach(hits::remove);
        SubjectRule reporter = new SubjectRule(name, what, GrantMatcher.where(g -> false));
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        index.subjects().forEach(s -> evaluated.add(s.toRef()));
        List<Violation> violations = new ArrayList<>();
        hits.forEach((s, grants) -> violations.add(reporter.violation(s, grants)));
        return new RuleOutcome(evaluated, violations);
    }

    private static Map<Subject, List<Grant>> bySubject(List<Grant> grants) {
        Map<Subject, List<Grant>> out = new TreeMap<>();
        for (Grant g : grants) if (!g.binding().builtIn()) out.computeIfAbsent(g.subject(), k -> new ArrayList<>()).add(g);
        return out;
    }

}
