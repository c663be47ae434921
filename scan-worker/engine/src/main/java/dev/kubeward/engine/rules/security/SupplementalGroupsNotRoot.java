package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/** C-0211: no supplemental group is the root group (0). */
final class SupplementalGroupsNotRoot extends PodTemplateRule {

    SupplementalGroupsNotRoot() {
        super("set-supplementalgroups-values");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (var g : pod.podSecurityContext().path("supplementalGroups")) {
            if (g.canConvertToLong() && g.asLong() == 0) {
                finding.failed(podField(pod, "supplementalGroups"))
                        .fix(podField(pod, "supplementalGroups"), "REMOVE_GROUP_0")
                        .message("the pod adds the root group (0) as a supplemental group");
            }
        }
    }
}
