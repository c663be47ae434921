package dev.kubeward.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes label selector semantics: {@code matchLabels} and {@code matchExpressions}
 * (In, NotIn, Exists, DoesNotExist) for metav1.LabelSelector, or a plain map for Service selectors.
 */
public final class LabelSelector {

    private LabelSelector() {
    }

    /** A Service-style selector (a plain map): empty or missing selects nothing. */
    public static boolean mapSelects(JsonNode selectorMap, JsonNode labels) {
        if (selectorMap == null || !selectorMap.isObject() || selectorMap.isEmpty()) return false;
        return containsAll(selectorMap, labels);
    }

    /**
     * A metav1.LabelSelector: an empty selector ({@code {}}) selects everything, a missing one nothing.
     */
    public static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) return false;
        if (!containsAll(selector.path("matchLabels"), labels)) return false;
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            JsonNode value = labels.get(key);
            Set<String> values = new HashSet<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> value != null && values.contains(value.asText());
                case "NotIn" -> value == null || !values.contains(value.asText());
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static boolean containsAll(JsonNode wanted, JsonNode labels) {
        Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = labels.get(e.getKey());
            if (v == null || !v.asText().equals(e.getValue().asText())) return false;
        }
        return true;
    }
}
