package dev.kubeward.engine.rbac.risk;

import dev.kubeward.engine.rbac.rules.GrantMatcher;
import dev.kubeward.engine.rbac.rules.SubjectRule;

/**
 * A permission risk reported per subject, counting only the user's own bindings: the defaults Kubernetes and the
 * platform vendor install (bootstrap-labelled or vendor-prefixed) are expected to be powerful.
 */
final class OwnGrantRule extends SubjectRule {

    OwnGrantRule(String name, String what, GrantMatcher matcher) {
        super(name, what, matcher, g -> !g.binding().builtIn());
    }
}
