package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.List;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/**
 * C-0016: a container allows privilege escalation unless it sets {@code allowPrivilegeEscalation: false}
 * (Kubernetes defaults it to true). Passes when PodSecurityPolicies exist and every one of them forbids
 * escalation, since admission would then reject such pods. Not applicable to Windows pods, where the API
 * server forbids the field.
 */
final class AllowPrivilegeEscalation extends PodTemplateRule {

    AllowPrivilegeEscalation() {
        super("rule-allow-privilege-escalation");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.declaredWindows(pod) || everyPolicyForbidsEscalation(ctx)) return;
        for (Container c : pod.allContainers()) {
            JsonNode ape = c.securityContext().path("allowPrivilegeEscalation");
            if (SecurityContexts.isFalse(ape)) continue;
            finding.fix(field(c, "allowPrivilegeEscalation"), "false")
                    .fix(field(c, "privileged"), "false")
                    .message("container " + c.name() + " allows privilege escalation");
        }
    }

    private static boolean everyPolicyForbidsEscalation(RuleContext ctx) {
        List<KubeObject> psps = ctx.index().ofKind("PodSecurityPolicy");
        return !psps.isEmpty() && psps.stream().allMatch(p -> SecurityContexts.isFalse(p.spec().path("allowPrivilegeEscalation")));
    }
}
