package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What leaves the cluster: every object without {@code metadata.managedFields} (noise, and large), and
 * Secrets without their values — {@code data} and {@code stringData} are removed, and so is the
 * last-applied-configuration annotation, which holds a copy of them. Controls only need a Secret's
 * metadata and type.
 */
public final class ObjectSanitizer {

    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ObjectSanitizer() {
    }

    /** Sanitizes in place and returns the object; {@code source} records where it came from. */
    public static ObjectNode sanitize(ObjectNode object, String source) {
        ObjectNode meta = object.with("metadata");
        meta.remove("managedFields");
        if ("Secret".equals(object.path("kind").asText())) {
            object.remove("data");
            object.remove("stringData");
            JsonNode annotations = meta.get("annotations");
            if (annotations instanceof ObjectNode a) a.remove(LAST_APPLIED);
        }
        if (source != null) meta.with("annotations").put("kubeward.dev/source", source);
        return object;
    }
}
