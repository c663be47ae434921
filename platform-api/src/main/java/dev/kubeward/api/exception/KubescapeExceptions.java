package dev.kubeward.api.exception;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.engine.catalog.ControlCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kubescape exception files: a JSON list of {@code postureExceptionPolicy} objects
 * ({@code name, policyType, actions, resources[], posturePolicies[]}). Each resource designator of type
 * {@code Attributes} names {@code cluster}, {@code namespace}, {@code kind}, {@code name} (Kubescape treats
 * values as regular expressions; the common forms {@code .*} and {@code prefix.*} become our globs) and any
 * other attribute is taken as a label. Each entry of {@code posturePolicies} names a {@code controlID}, or a
 * {@code frameworkName} whose controls are all meant. Since our control ids are Kubescape's, the controls
 * carry over unchanged. A policy with several resources becomes one exception per resource, since our scope
 * is one conjunction.
 */
public final class KubescapeExceptions {

    private static final Set<String> DIMENSIONS = Set.of("cluster", "namespace", "kind", "name");

    private KubescapeExceptions() {
    }

    public static List<ExceptionRequest> parse(String json, String owner, Instant expiresAt, String reasonPrefix) {
        JsonNode root;
        try {
            root = ChunkCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage());
        }
        if (root == null || !(root.isArray() || root.isObject())) throw new IllegalArgumentException("expected a list of postureExceptionPolicy objects");
        List<JsonNode> policies = new ArrayList<>();
        if (root.isArray()) root.forEach(policies::add);
        else policies.add(root);
        List<ExceptionRequest> out = new ArrayList<>();
        int n = 0;
        for (JsonNode p : policies) {
            n++;
            String type = p.path("policyType").asText("postureExceptionPolicy");
            if (!"postureExceptionPolicy".equals(type)) continue;
            List<String> actions = new ArrayList<>();
            p.path("actions").forEach(a -> actions.add(a.asText()));
            if (!actions.isEmpty() && !actions.contains("alertOnly")) continue;
            String name = p.path("name").asText("kubescape-exception-" + n);
            List<String> controls = controls(p.path("posturePolicies"));
            String reason = (reasonPrefix == null || reasonPrefix.isBlank() ? "Imported from Kubescape" : reasonPrefix.trim())
                    + (p.hasNonNull("reason") ? ": " + p.get("reason").asText() : " (policy '" + name + "')");
            List<JsonNode> resources = new ArrayList<>();
            p.path("resources").forEach(resources::add);
            if (resources.isEmpty()) resources.add(ChunkCodec.mapper().createObjectNode());
            int i = 0;
            for (JsonNode r : resources) {
                i++;
                Map<String, String> attrs = new LinkedHashMap<>();
                r.path("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), e.getValue().asText()));
                Map<String, String> labels = new LinkedHashMap<>();
                attrs.forEach((k, v) -> {
                    if (!DIMENSIONS.contains(k)) labels.put(k, glob(v));
                });
                out.add(new ExceptionRequest(resources.size() > 1 ? name + " #" + i : name, controls, one(attrs.get("cluster")),
                        one(attrs.get("namespace")), one(attrs.get("kind")), one(attrs.get("name")), labels, reason, null,
                        owner, null, expiresAt));
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the file holds no postureExceptionPolicy with action alertOnly");
        return out;
    }

    private static List<String> controls(JsonNode posturePolicies) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode pp : posturePolicies) {
            String control = pp.path("controlID").asText(pp.path("controlId").asText(""));
            if (!control.isBlank()) {
                ids.add(control.trim().toUpperCase());
                continue;
            }
            String framework = pp.path("frameworkName").asText("");
            if (!framework.isBlank()) {
                ids.addAll(ControlCatalog.standard().framework(framework.trim())
                        .orElseThrow(() -> new IllegalArgumentException("unknown framework '" + framework + "' in posturePolicies"))
                        .controlIds());
            }
        }
        return List.copyOf(ids);
    }

    private static List<String> one(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(glob(value));
    }

    /** Kubescape's regular expressions, as far as they are globs: {@code .*} → {@code *}, {@code .} → {@code ?}, anchors dropped. */
    static String glob(String regex) {
        String s = regex.trim();
        if (s.startsWith("^")) s = s.substring(1);
        if (s.endsWith("$")) s = s.substring(0, s.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && i + 1 < s.length() && (s.charAt(i + 1) == '*' || s.charAt(i + 1) == '+')) {
                b.append('*');
                i++;
            } else if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else if (c == '.') {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
