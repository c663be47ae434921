package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

/**
 * C-0044: a container port bound to a host port. {@code hostPort: 0} means "no host port" in Kubernetes,
 * so only positive values fail.
 */
final class ContainerHostPort extends PodTemplateRule {

    ContainerHostPort() {
        super("container-hostPort");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Container c : pod.allContainers()) {
            JsonNode ports = c.json().path("ports");
            for (int j = 0; j < ports.size(); j++) {
                if (ports.get(j).path("hostPort").asInt(0) > 0) {
                    finding.failedAndDelete(c.path() + ".ports[" + j + "].hostPort")
                            .message("container " + c.name() + " binds host port " + ports.get(j).path("hostPort").asInt());
                }
            }
        }
    }
}
