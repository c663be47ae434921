package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/** C-0211 and Pod Security Standards baseline: no Windows HostProcess container, on the pod or any container. */
final class HostProcess extends PodTemplateRule {

    private static final String FIELD = "windowsOptions.hostProcess";

    HostProcess() {
        super("set-hostprocess-true");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.isTrue(pod.podSecurityContext().path("windowsOptions").path("hostProcess"))) {
            finding.failed(podField(pod, FIELD)).fix(podField(pod, FIELD), "false").message("the pod runs as a Windows HostProcess");
        }
        for (Container c : pod.allContainers()) {
            if (SecurityContexts.isTrue(c.securityContext().path("windowsOptions").path("hostProcess"))) {
                finding.failed(field(c, FIELD)).fix(field(c, FIELD), "false")
                        .message("container " + c.name() + " runs as a Windows HostProcess");
            }
        }
    }
}
