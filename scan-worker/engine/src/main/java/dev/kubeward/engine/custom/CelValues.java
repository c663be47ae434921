package dev.kubeward.engine.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as CEL sees it: objects become maps, arrays lists, integers {@code Long} (CEL has no 32-bit int: an
 * {@code Integer} silently evaluates to an unknown), other numbers {@code Double}, and null CEL's null.
 */
public final class CelValues {

    private CelValues() {
    }

    /** The value of a JSON node; a missing node is an empty map (what {@code has()} guards expect). */
    public static Object of(JsonNode node) {
        if (node == null || node.isMissingNode()) return Map.of();
        return value(node);
    }

    /** The value of a JSON object, or an empty map when {@code node} is not an object. */
    public static Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) return Map.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) value(node);
        return m;
    }

    private static Object value(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>(Math.max(4, node.size() * 2));
                node.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue())));
                return Collections.unmodifiableMap(m);
            }
            case ARRAY -> {
                List<Object> l = new ArrayList<>(node.size());
                node.forEach(v -> l.add(value(v)));
                return Collections.unmodifiableList(l);
            }
            case NUMBER -> {
                if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
                return node.doubleValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NULL, MISSING -> {
                return NullValue.NULL_VALUE; // a Java null reads as an unknown value in CEL, not as null
            }
            default -> {
                return node.asText();
            }
        }
    }
}
