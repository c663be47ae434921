package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/**
 * Pod Security Standards seccomp checks. Baseline (KW-PSS-007): no profile is {@code Unconfined}; unset is
 * fine. Restricted (KW-PSS-012): every container's effective profile is {@code RuntimeDefault} or
 * {@code Localhost}, set on it or inherited from the pod; Windows pods are exempt.
 */
final class PssSeccomp extends PodTemplateRule {

    private final boolean mustBeSet;

    private PssSeccomp(String name, boolean mustBeSet) {
        super(name);
        this.mustBeSet = mustBeSet;
    }

    static PssSeccomp baseline() {
        return new PssSeccomp("kw-pss-seccomp-baseline", false);
    }

    static PssSeccomp restricted() {
        return new PssSeccomp("kw-pss-seccomp-restricted", true);
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (mustBeSet && SecurityContexts.declaredWindows(pod)) return;
        String podType = Seccomp.type(pod.podSecurityContext());
        if (podType != null && !allowed(podType)) {
            finding.failed(podField(pod, "seccompProfile.type")).message("the pod's seccomp profile is " + podType);
        }
        for (Container c : pod.allContainers()) {
            String own = Seccomp.type(c.securityContext());
            if (own != null && !allowed(own)) {
                finding.failed(field(c, "seccompProfile.type")).message("container " + c.name() + " has seccomp profile " + own);
            } else if (mustBeSet && own == null && podType == null) {
                finding.fix(field(c, "seccompProfile.type"), Seccomp.RUNTIME_DEFAULT)
                        .message("container " + c.name() + " has no seccomp profile");
            }
        }
    }

    private boolean allowed(String type) {
        return mustBeSet ? type.equals(Seccomp.RUNTIME_DEFAULT) || type.equals(Seccomp.LOCALHOST) : !type.equals(Seccomp.UNCONFINED);
    }
}
