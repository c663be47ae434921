package dev.kubeward.engine.rbac.rules;

import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;
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
import java.util.function.Predicate;

/**
 * A check reported per RBAC subject, as Kubescape reports its RBAC controls: the failed "resource" is the User,
 * Group or ServiceAccount named in a binding, and each binding and role that gives the permission is a related
 * object. Paths point into the related objects ({@code relatedObjects[0].subjects[1]},
 * {@code relatedObjects[1].rules[0]}), the related list holding binding then role for each grant.
 */
public class SubjectRule implements SnapshotRule {

    private final String name;
    private final String what;
    private final GrantMatcher matcher;
    private final Predicate<Grant> scope;

    /** @param what the finding in words, completing "Group dev …", e.g. {@code "can read secrets"} */
    public SubjectRule(String name, String what, GrantMatcher matcher) {
        this(name, what, matcher, g -> true);
    }

    protected SubjectRule(String name, String what, GrantMatcher matcher, Predicate<Grant> scope) {
        this.name = name;
        this.what = what;
        this.matcher = matcher;
        this.scope = scope;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleOutcome evaluate(RuleContext ctx) {
        RbacIndex index = RbacIndex.of(ctx.index());
        Map<Subject, List<Grant>> failing = new TreeMap<>();
        for (Grant g : matcher.find(index)) {
            if (scope.test(g)) failing.computeIfAbsent(g.subject(), k -> new ArrayList<>()).add(g);
        }
        Set<ObjectRef> evaluated = new LinkedHashSet<>();
        for (Subject s : index.subjects()) evaluated.add(s.toRef());
        List<Violation> violations = new ArrayList<>();
        failing.forEach((subject, grants) -> violations.add(violation(subject, grants)));
        return new RuleOutcome(evaluated, violations);
    }

    /** The violation for one subject and the grants that make it fail. */
    public Violation violation(Subject subject, List<Grant> grants) {
        Violation.Builder v = Violation.on(subject.toRef());
        List<ObjectRef> related = new ArrayList<>();
        Set<String> via = new LinkedHashSet<>();
        for (Grant g : grants) {
            int b = indexOf(related, g.binding().ref());
            int r = indexOf(related, g.role().ref());
            v.failed("relatedObjects[" + r + "].rules[" + g.ruleIndex() + "]");
            v.failed("relatedObjects[" + b + "]." + g.binding().subjectPath(subject));
            v.failed("relatedObjects[" + b + "].roleRef.name");
            via.add(g.binding().display() + " → " + g.role().display());
        }
        related.forEach(v::related);
        return v.message(subject.display() + " " + what + " (via " + String.join(", ", via) + ")").build();
    }

    private static int indexOf(List<ObjectRef> related, ObjectRef ref) {
        int i = related.indexOf(ref);
        if (i >= 0) return i;
        related.add(ref);
        return related.size() - 1;
    }
}
