package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/** C-0211: the pod sets {@code securityContext.fsGroup} to a valid group id (0 or more). */
final class FsGroupSet extends PodTemplateRule {

    FsGroupSet() {
        super("set-fsgroup-value");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        JsonNode fsGroup = pod.podSecurityContext().path("fsGroup");
        if (fsGroup.isIntegralNumber() && fsGroup.asLong() >= 0) return;
        finding.fix(podField(pod, "fsGroup"), "YOUR_VALUE").message("the pod does not set a valid securityContext.fsGroup");
    }
}
