package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.RuleContext;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import static dev.kubeward.engine.rules.security.SecurityContexts.field;
import static dev.kubeward.engine.rules.security.SecurityContexts.podField;
import static dev.kubeward.engine.rules.security.SecurityContexts.present;

/**
 * C-0013: a container may run as root when neither it nor its pod sets {@code runAsNonRoot: true} and the
 * effective {@code runAsUser} is 0 or unset (the image's user, often root); or when its effective
 * {@code runAsGroup} is 0 or unset. A container-level value overrides the pod's, as in Kubernetes.
 */
final class NonRootContainers extends PodTemplateRule {

    NonRootContainers() {
        super("non-root-containers");
    }

    @Override
    void inspect(PodTemplate pod, RuleContext ctx, Finding finding) {
        for (Container c : pod.allContainers()) {
            boolean issue = false;
            JsonNode nonRoot = effective(c, pod, "runAsNonRoot");
            Setting user = setting(c, pod, "runAsUser");
            if (!SecurityContexts.isTrue(nonRoot) && user.value() == 0) {
                if (user.path() != null) finding.fix(user.path(), "1000");
                else finding.fix(field(c, "runAsNonRoot"), "true");
                issue = true;
            }
            Setting group = setting(c, pod, "runAsGroup");
            if (group.value() == 0) {
                finding.fix(group.path() != null ? group.path() : field(c, "runAsGroup"), "1000");
                issue = true;
            }
            if (issue) finding.message("container " + c.name() + " may run as root");
        }
    }

    private static JsonNode effective(Container c, PodTemplate pod, String name) {
        JsonNode own = c.securityContext().path(name);
        return present(own) ? own : pod.podSecurityContext().path(name);
    }

    /** The effective numeric id and where it is set; unset counts as 0 with no path. */
    private static Setting setting(Container c, PodTemplate pod, String name) {
        JsonNode own = c.securityContext().path(name);
        if (present(own)) return new Setting(own.asLong(), field(c, name));
        JsonNode podLevel = pod.podSecurityContext().path(name);
        if (present(podLevel)) return new Setting(podLevel.asLong(), podField(pod, name));
        return new Setting(0, null);
    }

    private record Setting(long value, String path) {
    }
}
