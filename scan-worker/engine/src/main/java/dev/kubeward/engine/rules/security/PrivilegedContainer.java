package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.Set;

import static dev.kubeward.engine.rules.security.SecurityContexts.capability;
import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/**
 * C-0057: a privileged container, or one that adds {@code SYS_ADMIN} — which grants nearly everything
 * privileged mode does. Adding {@code ALL} includes SYS_ADMIN, so it counts too.
 */
final class PrivilegedContainer extends PodTemplateRule {

    private static final Set<String> PRIVILEGED_CAPABILITIES = Set.of("SYS_ADMIN", "ALL");

    PrivilegedContainer() {
        super("rule-privilege-escalation");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Container c : pod.allContainers()) {
            if (SecurityContexts.isTrue(c.securityContext().path("privileged"))) {
                finding.failedAndDelete(field(c, "privileged")).message("container " + c.name() + " is privileged");
            }
            JsonNode add = c.securityContext().path("capabilities").path("add");
            for (int k = 0; k < add.size(); k++) {
                if (PRIVILEGED_CAPABILITIES.contains(capability(add.get(k).asText()))) {
                    finding.failedAndDelete(field(c, "capabilities.add[" + k + "]"))
                            .message("container " + c.name() + " adds " + add.get(k).asText());
                }
            }
        }
    }
}
