package dev.kubeward.engine.rbac.rules;

import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;

import java.util.List;
import java.util.function.Predicate;

/** Which grants make a subject fail a check; {@link #find} may use the index instead of scanning every grant. */
public interface GrantMatcher extends Predicate<Grant> {

    default List<Grant> find(RbacIndex index) {
        return index.grants().stream().filter(this).toList();
    }

    static GrantMatcher where(Predicate<Grant> p) {
        return p::test;
    }

    /** Both conditions (named apart from Predicate.and so the index lookup is kept); found through this matcher's index lookup. */
    default GrantMatcher also(Predicate<Grant> other) {
        GrantMatcher self = this;
        return new GrantMatcher() {
            @Override
            public boolean test(Grant g) {
                return self.test(g) && other.test(g);
            }

            @Override
            public List<Grant> find(RbacIndex index) {
                return self.find(index).stream().filter(other).toList();
            }
        };
    }

    /** Either condition. */
    static GrantMatcher anyOf(GrantMatcher... matchers) {
        return new GrantMatcher() {
            @Override
            public boolean test(Grant g) {
                for (GrantMatcher m : matchers) if (m.test(g)) return true;
                return false;
            }

            @Override
            public List<Grant> find(RbacIndex index) {
                java.util.Set<Grant> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                java.util.List<Grant> out = new java.util.ArrayList<>();
                for (GrantMatcher m : matchers) for (Grant g : m.find(index)) if (seen.add(g)) out.add(g);
                return out;
            }
        };
    }
}
