package dev.kubeward.engine.rules.security;

import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.present;

/**
 * C-0211: a Windows pod sets a {@code windowsOptions} field on the pod or on every container. Pods not
 * meant for Windows nodes pass: the options mean nothing on Linux.
 */
final class WindowsOptionSet extends PodTemplateRule {

    private final String option;

    private WindowsOptionSet(String name, String option) {
        super(name);
        this.option = option;
    }

    static WindowsOptionSet gmsaCredentialSpecName() {
        return new WindowsOptionSet("set-gmsacredentialspecname-value", "gmsaCredentialSpecName");
    }

    static WindowsOptionSet runAsUserName() {
        return new WindowsOptionSet("set-runasusername-value", "runAsUserName");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (!SecurityContexts.targetsWindows(pod) || set(pod.podSecurityContext().path("windowsOptions").path(option))) return;
        for (Container c : pod.allContainers()) {
            if (set(c.securityContext().path("windowsOptions").path(option))) continue;
            finding.fix(field(c, "windowsOptions." + option), "YOUR_VALUE")
                    .message("Windows container " + c.name() + " does not set windowsOptions." + option);
        }
    }

    private static boolean set(com.fasterxml.jackson.databind.JsonNode n) {
        return present(n) && !n.asText("").isEmpty();
    }
}
