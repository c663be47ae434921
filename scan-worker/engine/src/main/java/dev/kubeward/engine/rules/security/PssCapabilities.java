package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.Set;

import static dev.kubeward.engine.rules.security.SecurityContexts.capability;
import static dev.kubeward.engine.rules.security.SecurityContexts.field;

/**
 * Pod Security Standards capability checks. Baseline (KW-PSS-003): containers may add only the capabilities
 * a container runtime grants by default. Restricted (KW-PSS-013): containers must drop {@code ALL} and may add
 * back only {@code NET_BIND_SERVICE}; Windows pods are exempt, as in the standard.
 */
final class PssCapabilities extends PodTemplateRule {

    static final Set<String> BASELINE_ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID",
            "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    static final Set<String> RESTRICTED_ALLOWED = Set.of("NET_BIND_SERVICE");

    private final Set<String> allowedToAdd;
    private final boolean mustDropAll;

    private PssCapabilities(String name, Set<String> allowedToAdd, boolean mustDropAll) {
        super(name);
        this.allowedToAdd = allowedToAdd;
        this.mustDropAll = mustDropAll;
    }

    static PssCapabilities baseline() {
        return new PssCapabilities("kw-pss-baseline-capabilities", BASELINE_ALLOWED, false);
    }

    static PssCapabilities restricted() {
        return new PssCapabilities("kw-pss-restricted-capabilities", RESTRICTED_ALLOWED, true);
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (mustDropAll && SecurityContexts.declaredWindows(pod)) return;
        for (Container c : pod.allContainers()) {
            JsonNode caps = c.securityContext().path("capabilities");
            JsonNode add = caps.path("add");
            for (int k = 0; k < add.size(); k++) {
                if (!allowedToAdd.contains(capability(add.get(k).asText()))) {
                    finding.failed(field(c, "capabilities.add[" + k + "]"))
                            .message("container " + c.name() + " adds capability " + add.get(k).asText());
                }
            }
            if (mustDropAll && !dropsAll(caps.path("drop"))) {
                finding.fix(field(c, "capabilities.drop[" + caps.path("drop").size() + "]"), "ALL")
                        .message("container " + c.name() + " does not drop ALL capabilities");
            }
        }
    }

    private static boolean dropsAll(JsonNode drop) {
        for (JsonNode d : drop) {
            if (capability(d.asText()).equals("ALL")) return true;
        }
        return false;
    }
}
