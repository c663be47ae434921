package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.Set;

import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/** C-0211: the pod sets {@code fsGroupChangePolicy} to one of the values Kubernetes accepts. */
final class FsGroupChangePolicySet extends PodTemplateRule {

    private static final Set<String> ALLOWED = Set.of("Always", "OnRootMismatch");

    FsGroupChangePolicySet() {
        super("set-fsgroupchangepolicy-value");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        String policy = pod.podSecurityContext().path("fsGroupChangePolicy").asText("");
        if (ALLOWED.contains(policy)) return;
        finding.fix(podField(pod, "fsGroupChangePolicy"), "Always")
                .message("the pod does not set securityContext.fsGroupChangePolicy to Always or OnRootMismatch");
    }
}
