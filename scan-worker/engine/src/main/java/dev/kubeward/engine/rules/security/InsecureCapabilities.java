package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.Set;
import java.util.stream.Collectors;

import static dev.kubeward.engine.rules.security.SecurityContexts.capability;
import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/** C-0046: a container adds a capability listed in the {@code insecureCapabilities} input. */
final class InsecureCapabilities extends PodTemplateRule {

    InsecureCapabilities() {
        super("insecure-capabilities");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        Set<String> insecure = ctx.inputs().list("insecureCapabilities").stream()
                .map(SecurityContexts::capability).collect(Collectors.toSet());
        for (Container c : pod.allContainers()) {
            JsonNode add = c.securityContext().path("capabilities").path("add");
            for (int k = 0; k < add.size(); k++) {
                if (insecure.contains(capability(add.get(k).asText()))) {
                    finding.failed(field(c, "capabilities.add[" + k + "]"))
                            .message("container " + c.name() + " adds insecure capability " + add.get(k).asText());
                }
            }
        }
    }
}
