package dev.kubeward.agent.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one page of a list response as a stream: items are handed over one by one, so a page is never
 * held as a whole tree. Understands the three shapes the API server answers with:
 * <ul>
 *   <li>a plain list ({@code PodList}, ...): items lack {@code kind}/{@code apiVersion}, which are filled in;</li>
 *   <li>a {@code Table} with {@code includeObject=Metadata} (how Secrets are asked for): each row gives the
 *       object's metadata and printed columns, of which {@code Type} is kept;</li>
 *   <li>a {@code PartialObjectMetadataList}: metadata only.</li>
 * </ul>
 * For a metadata-only kind, {@code data} and {@code stringData} are skipped token by token whatever the
 * shape (a server that ignores the Accept header still answers with values): they never become a tree.
 */
final class ListPageReader {

    /** What a page said besides its items. */
    record Page(int items, String continueToken, String resourceVersion) {
        boolean hasMore() {
            return continueToken != null && !continueToken.isEmpty();
        }
    }

    private final ObjectMapper mapper;

    ListPageReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Page read(InputStream body, KindSpec spec, String apiVersion, Consumer<ObjectNode> sink) throws IOException {
        int count = 0;
        String continueToken = null;
        String resourceVersion = null;
        int typeColumn = -1;
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("list response is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "metadata" -> {
                        JsonNode meta = mapper.readTree(p);
                        continueToken = meta.path("continue").asText(null);
                        resourceVersion = meta.path("resourceVersion").asText(null);
                    }
                    case "items" -> count += readArray(p, value, () -> sink.accept(item(p, spec, apiVersion)));
                    case "columnDefinitions" -> typeColumn = typeColumn(mapper.readTree(p));
                    case "rows" -> {
                        int column = typeColumn;
                        count += readArray(p, value, () -> sink.accept(row(mapper.readTree(p), spec, apiVersion, column)));
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new Page(count, continueToken, resourceVersion);
    }

    private interface Step {
        void run() throws IOException;
    }

    private static int readArray(JsonParser p, JsonToken start, Step element) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            p.skipChildren();
            return 0;
        }
        int n = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            element.run();
            n++;
        }
        return n;
    }

    /** Reads one item field by field; for metadata-only kinds, values are skipped before they are materialized. */
    private ObjectNode item(JsonParser p, KindSpec spec, String apiVersion) throws IOException {
        ObjectNode item = mapper.createObjectNode();
        item.put("apiVersion", apiVersion);
        item.put("kind", spec.kind());
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (spec.metadataOnly() && (field.equals("data") || field.equals("stringData") || field.equals("binaryData"))) {
                p.skipChildren();
            } else if (field.equals("kind") || field.equals("apiVersion")) {
                // A metadata-only answer says PartialObjectMetadata, meta.k8s.io/v1: the object is still a Secret.
                p.skipChildren();
            } else {
                item.set(field, mapper.readTree(p));
            }
        }
        return item;
    }

    private ObjectNode row(JsonNode row, KindSpec spec, String apiVersion, int typeColumn) {
        ObjectNode object = mapper.createObjectNode();
        object.put("apiVersion", apiVersion);
        object.put("kind", spec.kind());
        object.set("metadata", row.path("object").path("metadata").deepCopy());
        JsonNode type = typeColumn < 0 ? null : row.path("cells").get(typeColumn);
        if (type != null && type.isTextual()) object.put("type", type.asText());
        return object;
    }

    private static int typeColumn(JsonNode columns) {
        for (int i = 0; i < columns.size(); i++) {
            if ("Type".equals(columns.get(i).path("name").asText())) return i;
        }
        return -1;
    }
}
