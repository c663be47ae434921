package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/**
 * C-0211 and Pod Security Standards baseline: {@code procMount} unset or {@code Default}. Kubescape fires only
 * when it can see the ProcMountType feature gate on the API server; we judge what the pod asks for, since
 * the gate is on by default from Kubernetes 1.31 and an {@code Unmasked} request is the risk either way.
 */
final class ProcMountDefault extends PodTemplateRule {

    ProcMountDefault() {
        super("set-procmount-default");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Container c : pod.allContainers()) {
            JsonNode pm = c.securityContext().path("procMount");
            if (!SecurityContexts.present(pm) || "Default".equals(pm.asText())) continue;
            finding.failed(field(c, "procMount")).fix(field(c, "procMount"), "Default")
                    .message("container " + c.name() + " sets procMount " + pm.asText());
        }
    }
}
