package dev.kubeward.engine.rules.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.rule.Violation;
import dev.kubeward.engine.snapshot.PodTemplate;

import java.util.List;

/**
 * C-0234: a workload should read its secrets from an external store through the Secrets Store CSI driver
 * (a {@code csi} volume naming a {@code secretProviderClass}) rather than from Kubernetes Secrets.
 */
final class ExternalSecretStorageRule extends PodTemplateRule {

    @Override
    public String name() {
        return "ensure-external-secrets-storage-is-in-use";
    }

    @Override
    List<Violation> check(PodTemplate template, RuleContext ctx) {
        for (JsonNode volume : template.volumes()) {
            if (!volume.path("csi").path("volumeAttributes").path("secretProviderClass").asText("").isEmpty()) {
                return List.of();
            }
        }
        return List.of(Violation.on(template.owner())
                .message(template.owner().kind() + " " + template.owner().name()
                        + " does not use external secret storage (no Secrets Store CSI volume with a secretProviderClass)")
                .fix(template.specPath() + ".volumes[0].csi.volumeAttributes.secretProviderClass", "YOUR_VALUE")
                .build());
    }
}
