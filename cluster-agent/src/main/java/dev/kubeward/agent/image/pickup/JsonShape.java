package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a report worth keeping; everything else is skipped token by token while parsing and never
 * becomes a tree. A Syft document is mostly file digests and package metadata, a vulnerability report mostly
 * descriptions and links: of a 20 MiB report, the few hundred KiB that name packages are all that is held.
 *
 * <p>An object shape applies to each element of an array, so {@code components: {name, purl}} keeps those two
 * fields of every component. A value of another type than the shape expects is kept as it is, for the reader
 * of the tree to reject with a reason.
 */
final class JsonShape {

    /** Keep the value whole. */
    static final JsonShape WHOLE = new JsonShape(null);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, JsonShape> fields;

    private JsonShape(Map<String, JsonShape> fields) {
        this.fields = fields;
    }

    /** An object of which only the named fields are kept: {@code of("name", WHOLE, "spec", of(...))}. */
    static JsonShape of(Object... namesAndShapes) {
        if (namesAndShapes.length % 2 != 0) throw new IllegalArgumentException("names and shapes come in pairs");
        Map<String, JsonShape> fields = new HashMap<>();
        for (int i = 0; i < namesAndShapes.length; i += 2) fields.put((String) namesAndShapes[i], (JsonShape) namesAndShapes[i + 1]);
        return new JsonShape(Map.copyOf(fields));
    }

    /** A document whose root is an object, read with this shape from {@code p} (not yet advanced). */
    JsonNode readDocument(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
        return read(p);
    }

    /** The value at the parser's current token, pruned to this shape; the parser ends on the value's last token. */
    JsonNode read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (fields == null || token.isScalarValue()) return MAPPER.readTree(p);
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) array.add(read(p));
            return array;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonShape field = fields.get(name);
            p.nextToken();
            if (field == null) p.skipChildren();
            else object.set(name, field.read(p));
        }
        return object;
    }
}
