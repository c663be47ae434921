package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/**
 * C-0017: every container should mount its root filesystem read-only ({@code readOnlyRootFilesystem} defaults
 * to false). Not applicable to Windows pods, where the field is forbidden.
 */
final class ImmutableContainerFilesystem extends PodTemplateRule {

    ImmutableContainerFilesystem() {
        super("immutable-container-filesystem");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.declaredWindows(pod)) return;
        for (Container c : pod.allContainers()) {
            if (SecurityContexts.isTrue(c.securityContext().path("readOnlyRootFilesystem"))) continue;
            finding.fix(field(c, "readOnlyRootFilesystem"), "true")
                    .message("container " + c.name() + " has a writable root filesystem");
        }
    }
}
