package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/**
 * C-0210: each container's effective seccomp profile (its own, else the pod's) must be {@code RuntimeDefault}.
 * A profile of another type fails where it is set; no profile at all gets a fix on the container.
 */
final class SeccompRuntimeDefault extends PodTemplateRule {

    private static final String TYPE = "seccompProfile.type";

    SeccompRuntimeDefault() {
        super("set-seccomp-profile-RuntimeDefault");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.declaredWindows(pod)) return;
        String podType = Seccomp.type(pod.podSecurityContext());
        for (Container c : pod.allContainers()) {
            String own = Seccomp.type(c.securityContext());
            if (own != null) {
                if (!Seccomp.RUNTIME_DEFAULT.equals(own)) finding.failed(field(c, TYPE));
            } else if (podType != null) {
                if (!Seccomp.RUNTIME_DEFAULT.equals(podType)) finding.failed(podField(pod, TYPE));
            } else {
                finding.fix(field(c, TYPE), Seccomp.RUNTIME_DEFAULT);
            }
        }
        if (finding.any()) finding.message("not every container runs with the RuntimeDefault seccomp profile");
    }
}
