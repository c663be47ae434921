package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.capability;
import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/** C-0211: every container drops {@code NET_RAW} (dropping {@code ALL} drops it too). */
final class DropNetRaw extends PodTemplateRule {

    DropNetRaw() {
        super("drop-capability-netraw");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (SecurityContexts.declaredWindows(pod)) return;
        for (Container c : pod.allContainers()) {
            JsonNode drop = c.securityContext().path("capabilities").path("drop");
            if (drops(drop, "NET_RAW")) continue;
            finding.fix(field(c, "capabilities.drop[" + drop.size() + "]"), "NET_RAW")
                    .message("container " + c.name() + " does not drop NET_RAW");
        }
    }

    /** Whether a drop list removes {@code cap}, directly or through {@code ALL}. */
    static boolean drops(JsonNode drop, String cap) {
        for (JsonNode d : drop) {
            String c = capability(d.asText());
            if (c.equals(cap) || c.equals("ALL")) return true;
        }
        return false;
    }
}
