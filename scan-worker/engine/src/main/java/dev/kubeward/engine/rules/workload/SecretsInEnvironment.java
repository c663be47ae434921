package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0207: Secrets consumed as environment variables ({@code env[].valueFrom.secretKeyRef} or
 * {@code envFrom[].secretRef}) rather than as mounted files, where they leak into logs, crash dumps and child
 * processes. Init containers count as much as regular ones.
 */
final class SecretsInEnvironment extends PodSpecRule {

    SecretsInEnvironment() {
        super("rule-secrets-in-env-var");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        List<PodTemplate.Container> containers = new ArrayList<>(pod.containers());
        containers.addAll(pod.initContainers());
        for (PodTemplate.Container c : containers) {
            JsonNode env = c.json().path("env");
            for (int j = 0; j < env.size(); j++) {
                JsonNode ref = env.get(j).path("valueFrom").path("secretKeyRef");
                if (ref.isObject()) {
                    String path = c.path() + ".env[" + j + "].name";
                    finding.failed(path).delete(path)
                            .note("Container '" + c.name() + "' reads Secret " + ref.path("name").asText()
                                    + " into environment variable " + env.get(j).path("name").asText());
                }
            }
            envFromSecrets(c, finding);
        }
    }

    /** Whole Secrets imported with {@code envFrom[].secretRef}. */
    static void envFromSecrets(PodTemplate.Container c, Finding finding) {
        JsonNode envFrom = c.json().path("envFrom");
        for (int k = 0; k < envFrom.size(); k++) {
            JsonNode ref = envFrom.get(k).path("secretRef");
            if (ref.isObject()) {
                String path = c.path() + ".envFrom[" + k + "].secretRef";
                finding.failed(path).delete(path)
                        .note("Container '" + c.name() + "' imports Secret " + ref.path("name").asText() + " into its environment");
            }
        }
    }
}
