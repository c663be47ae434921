package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/**
 * C-0055: every container is confined by a syscall filter — a seccomp profile (its own or the pod's) or an
 * AppArmor profile (field or legacy annotation). SELinux options or dropped capabilities alone do not
 * restrict syscalls, so they do not count.
 */
final class LinuxHardening extends PodTemplateRule {

    LinuxHardening() {
        super("linux-hardening");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.declaredWindows(pod) || Seccomp.type(pod.podSecurityContext()) != null
                || AppArmor.podProfile(pod) != null) {
            return;
        }
        for (Container c : pod.containers()) {
            if (Seccomp.type(c.securityContext()) != null || AppArmor.containerProfile(pod, c) != null) continue;
            finding.fix(field(c, "seccompProfile"), "YOUR_VALUE")
                    .message("container " + c.name() + " has neither a seccomp nor an AppArmor profile");
        }
    }
}
