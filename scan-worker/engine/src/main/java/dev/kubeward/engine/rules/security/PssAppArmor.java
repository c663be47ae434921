package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.Iterator;
import java.util.Map;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.podField;

/**
 * KW-PSS-004, PSS baseline "AppArmor": no profile may be {@code Unconfined}. Fields may be unset,
 * {@code RuntimeDefault} or {@code Localhost}; annotations unset, {@code runtime/default} or {@code localhost/*}.
 */
final class PssAppArmor extends PodTemplateRule {

    PssAppArmor() {
        super("kw-pss-apparmor");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (!fieldAllowed(pod.podSecurityContext())) {
            finding.failed(podField(pod, "appArmorProfile.type")).message("the pod runs without an AppArmor profile");
        }
        for (Container c : pod.allContainers()) {
            if (!fieldAllowed(c.securityContext())) {
                finding.failed(field(c, "appArmorProfile.type")).message("container " + c.name() + " runs without an AppArmor profile");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> it = pod.podMetadata().path("annotations").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith(AppArmor.ANNOTATION_PREFIX) || annotationAllowed(e.getValue().asText(""))) continue;
            finding.failed(pod.metadataPath() + ".annotations[" + e.getKey() + "]")
                    .message("container " + e.getKey().substring(AppArmor.ANNOTATION_PREFIX.length()) + " has AppArmor profile " + e.getValue().asText());
        }
    }

    private static boolean fieldAllowed(JsonNode securityContext) {
        JsonNode type = securityContext.path("appArmorProfile").path("type");
        return !SecurityContexts.present(type) || type.asText().equals("RuntimeDefault") || type.asText().equals("Localhost");
    }

    static boolean annotationAllowed(String value) {
        return value.isEmpty() || value.equals("runtime/default") || value.startsWith("localhost/");
    }
}
