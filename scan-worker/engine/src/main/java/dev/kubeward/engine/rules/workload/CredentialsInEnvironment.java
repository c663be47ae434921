package dev.kubeward.engine.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * C-0012: credentials written in clear into a container's environment — a variable whose name or literal value
 * looks sensitive ({@link SensitiveData}) — or a whole Secret poured into it with {@code envFrom.secretRef}.
 * Values that are file paths ({@code /var/run/secrets/token}) point at a credential, they are not one; values taken
 * from a Secret or ConfigMap key are not literals.
 */
final class CredentialsInEnvironment extends PodSpecRule {

    CredentialsInEnvironment() {
        super("rule-credentials-in-env-var");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        SensitiveData sensitive = SensitiveData.from(ctx.inputs());
        List<PodTemplate.Container> containers = new ArrayList<>(pod.containers());
        containers.addAll(pod.initContainers());
        for (PodTemplate.Container c : containers) {
            JsonNode env = c.json().path("env");
            for (int j = 0; j < env.size(); j++) {
                JsonNode var = env.get(j);
                if (!var.path("valueFrom").isMissingNode() || !var.path("value").isTextual()) continue;
                String name = var.path("name").asText();
                String value = var.path("value").asText();
                if (value.isEmpty() || value.startsWith("/")) continue;
                if (sensitive.sensitiveName(name, value) || sensitive.sensitiveValue(name, value)) {
                    String path = c.path() + ".env[" + j + "]";
                    finding.failed(path + ".name").failed(path + ".value").delete(path + ".name").delete(path + ".value")
                            .note("Container '" + c.name() + "' has a credential in environment variable " + name);
                }
            }
            SecretsInEnvironment.envFromSecrets(c, finding);
        }
    }
}
