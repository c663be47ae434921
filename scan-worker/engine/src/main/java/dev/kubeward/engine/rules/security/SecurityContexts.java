package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.snapshot.PodTemplate;
import dev.kubeward.engine.snapshot.PodTemplate.Container;

import java.util.Locale;

/** Reading security-context fields the way the API server interprets them. */
final class SecurityContexts {

    private SecurityContexts() {
    }

    static boolean isTrue(JsonNode node) {
        return node.isBoolean() && node.booleanValue();
    }

    static boolean isFalse(JsonNode node) {
        return node.isBoolean() && !node.booleanValue();
    }

    /** Set to something other than JSON null. */
    static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    /** Path of a container's security-context field, e.g. {@code spec.containers[0].securityContext.privileged}. */
    static String field(Container c, String field) {
        return c.path() + ".securityContext." + field;
    }

    /** Path of a pod-level security-context field, e.g. {@code spec.securityContext.fsGroup}. */
    static String podField(PodTemplate pod, String field) {
        return pod.specPath() + ".securityContext." + field;
    }

    /**
     * A capability as the runtime understands it: runtimes accept {@code sys_admin}, {@code SYS_ADMIN} and
     * {@code CAP_SYS_ADMIN} alike, so compare on the upper-case name without the prefix.
     */
    static String capability(String name) {
        String c = name.trim().toUpperCase(Locale.ROOT);
        return c.startsWith("CAP_") ? c.substring(4) : c;
    }

    /**
     * Pods for Windows nodes ({@code spec.os.name: windows}). The API server forbids Linux-only fields
     * (allowPrivilegeEscalation, readOnlyRootFilesystem, seccomp, SELinux, capabilities) on them, so rules about
     * those fields do not apply.
     */
    static boolean declaredWindows(PodTemplate pod) {
        return "windows".equals(pod.podSpec().path("os").path("name").asText(""));
    }

    /** Pods meant for Windows nodes, by {@code spec.os.name} or by a {@code kubernetes.io/os} node selector. */
    static boolean targetsWindows(PodTemplate pod) {
        return declaredWindows(pod) || "windows".equals(pod.podSpec().path("nodeSelector").path("kubernetes.io/os").asText(""));
    }
}
