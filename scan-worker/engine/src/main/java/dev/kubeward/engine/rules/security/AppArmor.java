package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

/**
 * AppArmor profiles: the {@code appArmorProfile} field (Kubernetes 1.30+) on the pod or container, or the
 * older {@code container.apparmor.security.beta.kubernetes.io/<container>} annotation on the pod template.
 */
final class AppArmor {

    static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

    private AppArmor() {
    }

    /** The pod-level profile type, or null. */
    static String podProfile(PodTemplate pod) {
        JsonNode t = pod.podSecurityContext().path("appArmorProfile").path("type");
        return SecurityContexts.present(t) ? t.asText() : null;
    }

    /** The container's own profile: the field's type or the annotation's value; null when neither is set. */
    static String containerProfile(PodTemplate pod, Container c) {
        JsonNode t = c.securityContext().path("appArmorProfile").path("type");
        if (SecurityContexts.present(t)) return t.asText();
        JsonNode a = pod.podMetadata().path("annotations").path(ANNOTATION_PREFIX + c.name());
        return SecurityContexts.present(a) ? a.asText() : null;
    }
}
