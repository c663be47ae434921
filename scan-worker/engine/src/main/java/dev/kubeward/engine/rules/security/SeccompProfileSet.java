package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/** C-0211: every container has a seccomp profile, its own or inherited from the pod. */
final class SeccompProfileSet extends PodTemplateRule {

    SeccompProfileSet() {
        super("set-seccomp-profile");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.declaredWindows(pod) || Seccomp.type(pod.podSecurityContext()) != null) return;
        for (Container c : pod.allContainers()) {
            if (Seccomp.type(c.securityContext()) != null) continue;
            finding.fix(field(c, "seccompProfile"), "YOUR_VALUE").message("container " + c.name() + " has no seccomp profile");
        }
    }
}
