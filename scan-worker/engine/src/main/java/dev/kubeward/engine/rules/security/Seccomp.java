package dev.kubeward.engine.rules.security;

import com.fasterxml.jackson.databind.JsonNode;

/** Seccomp profile types as the kubelet understands them. */
final class Seccomp {

    static final String RUNTIME_DEFAULT = "RuntimeDefault";
    static final String LOCALHOST = "Localhost";
    static final String UNCONFINED = "Unconfined";

    private Seccomp() {
    }

    /** The {@code seccompProfile.type} of a (pod or container) security context; null when unset. */
    static String type(JsonNode securityContext) {
        JsonNode t = securityContext.path("seccompProfile").path("type");
        return SecurityContexts.present(t) ? t.asText() : null;
    }
}
