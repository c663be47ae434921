package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.podField;
import static dev.kubeward.engine.rules.security.SecurityContexts.present;

/**
 * Pod Security Standards restricted, "Running as Non-root" (KW-PSS-010): every container's effective
 * {@code runAsNonRoot} (its own, else the pod's) is true. "Running as Non-root user" (KW-PSS-011): no
 * {@code runAsUser: 0}, on the pod or any container.
 */
final class PssRunAsNonRoot extends PodTemplateRule {

    private final boolean checkUserId;

    private PssRunAsNonRoot(String name, boolean checkUserId) {
        super(name);
        this.checkUserId = checkUserId;
    }

    static PssRunAsNonRoot nonRoot() {
        return new PssRunAsNonRoot("kw-pss-run-as-non-root", false);
    }

    static PssRunAsNonRoot nonRootUser() {
        return new PssRunAsNonRoot("kw-pss-run-as-non-root-user", true);
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        if (checkUserId) inspectUserIds(pod, finding);
        else inspectNonRootFlag(pod, finding);
    }

    private static void inspectNonRootFlag(PodTemplate pod, Finding finding) {
        JsonNode podLevel = pod.podSecurityContext().path("runAsNonRoot");
        if (SecurityContexts.isFalse(podLevel)) {
            finding.failed(podField(pod, "runAsNonRoot")).fix(podField(pod, "runAsNonRoot"), "true")
                    .message("the pod sets runAsNonRoot: false");
        }
        for (Container c : pod.allContainers()) {
            JsonNode own = c.securityContext().path("runAsNonRoot");
            if (present(own) ? SecurityContexts.isTrue(own) : SecurityContexts.isTrue(podLevel)) continue;
            if (present(own)) finding.failed(field(c, "runAsNonRoot"));
            finding.fix(field(c, "runAsNonRoot"), "true").message("container " + c.name() + " is not required to run as non-root");
        }
    }

    private static void inspectUserIds(PodTemplate pod, Finding finding) {
        if (isRoot(pod.podSecurityContext().path("runAsUser"))) {
            finding.failed(podField(pod, "runAsUser")).fix(podField(pod, "runAsUser"), "1000").message("the pod runs as uid 0");
        }
        for (Container c : pod.allContainers()) {
            if (isRoot(c.securityContext().path("runAsUser"))) {
                finding.failed(field(c, "runAsUser")).fix(field(c, "runAsUser"), "1000").message("container " + c.name() + " runs as uid 0");
            }
        }
    }

    private static boolean isRoot(JsonNode uid) {
        return uid.isNumber() && uid.asLong() == 0;
    }
}
