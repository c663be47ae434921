package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.present;

/** C-0211: SELinux options set on the pod, or on every container. */
final class SeLinuxOptionsSet extends PodTemplateRule {

    SeLinuxOptionsSet() {
        super("set-seLinuxOptions");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.declaredWindows(pod) || present(pod.podSecurityContext().path("seLinuxOptions"))) return;
        for (Container c : pod.allContainers()) {
            if (present(c.securityContext().path("seLinuxOptions"))) continue;
            finding.fix(field(c, "seLinuxOptions"), "YOUR_VALUE").message("container " + c.name() + " has no SELinux options");
        }
    }
}
