package dev.kubeward.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One Kubernetes object of a snapshot: its JSON as the API server (or a manifest) gave it, its identity,
 * and where it came from (a file and line, or the API server), so reports can point at the source.
 */
public final class KubeObject {

    private final JsonNode json;
    private final ObjectRef ref;
    private final String source;
    private final int line;

    public KubeObject(JsonNode json, String source, int line) {
        this.json = json;
        JsonNode meta = json.path("metadata");
        this.ref = new ObjectRef(text(json, "apiVersion"), text(json, "kind"), text(meta, "namespace"), text(meta, "name"));
        this.source = source;
        this.line = line;
    }

    public static KubeObject of(JsonNode json) {
        return new KubeObject(json, null, 0);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public JsonNode json() { return json; }
    public ObjectRef ref() { return ref; }
    public String kind() { return ref.kind(); }
    public String name() { return ref.name(); }
    public String namespace() { return ref.namespace(); }
    public JsonNode metadata() { return json.path("metadata"); }
    public JsonNode spec() { return json.path("spec"); }
    public String uid() { return metadata().path("uid").asText(null); }
    /** File (or {@code api-server}) the object was read from; null if unknown. */
    public String source() { return source; }
    /** 1-based line of the object's document in {@link #source()}; 0 if unknown. */
    public int line() { return line; }

    public JsonNode labels() { return metadata().path("labels"); }
    public JsonNode annotations() { return metadata().path("annotations"); }

    /** The node at a dotted path such as {@code spec.template.spec}; missing when absent. */
    public JsonNode at(String dottedPath) {
        JsonNode node = json;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
            if (node.isMissingNode()) return MissingNode.getInstance();
        }
        return node;
    }

    @Override
    public String toString() {
        return ref.display();
    }
}
