package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/** KW-PSS-002, PSS baseline "Privileged Containers": {@code privileged} unset or false on every container. */
final class PssPrivileged extends PodTemplateRule {

    PssPrivileged() {
        super("kw-pss-privileged");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Container c : pod.allContainers()) {
            if (SecurityContexts.isTrue(c.securityContext().path("privileged"))) {
                finding.failed(field(c, "privileged")).fix(field(c, "privileged"), "false")
                        .message("container " + c.name() + " is privileged");
            }
        }
    }
}
