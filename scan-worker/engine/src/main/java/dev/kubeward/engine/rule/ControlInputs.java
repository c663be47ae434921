package dev.kubeward.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration values that rules read (Kubescape's {@code postureControlInputs}): sensitive key names,
 * allowed registries, insecure capabilities, resource ceilings. Kubescape's defaults, overridden per
 * tenant or per conformance case. Every value is a list of strings, as in Kubescape.
 */
public final class ControlInputs {

    private static final ControlInputs DEFAULTS = load();
    private final Map<String, List<String>> values;

    private ControlInputs(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    /** Kubescape's default values. */
    public static ControlInputs defaults() {
        return DEFAULTS;
    }

    /** Defaults with the given values replacing those of the same name. */
    public ControlInputs with(Map<String, List<String>> overrides) {
        Map<String, List<String>> merged = new HashMap<>(values);
        overrides.forEach((k, v) -> merged.put(k, List.copyOf(v)));
        return new ControlInputs(merged);
    }

    /** Parses a JSON object of input name → array of strings. */
    public ControlInputs with(JsonNode overrides) {
        Map<String, List<String>> m = new HashMap<>();
        overrides.fields().forEachRemaining(e -> {
            List<String> list = new ArrayList<>();
            if (e.getValue().isArray()) e.getValue().forEach(v -> list.add(v.asText()));
            else list.add(e.getValue().asText());
            m.put(e.getKey(), list);
        });
        return with(m);
    }

    public List<String> list(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    private static ControlInputs load() {
        try (InputStream in = ControlInputs.class.getResourceAsStream("/kubescape/default-control-inputs.json")) {
            if (in == null) return new ControlInputs(Map.of());
            return new ControlInputs(Map.of()).with(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
