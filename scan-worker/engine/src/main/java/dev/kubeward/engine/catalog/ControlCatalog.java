package dev.kubeward.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every control and framework the product knows: Kubescape's library (ids kept so users keep their
 * exceptions and reports when they move) plus Kubeward's own ({@code KW-}) controls and frameworks.
 * Loaded once from the classpath; immutable.
 */
public final class ControlCatalog {

    private static volatile ControlCatalog standard;

    private final Map<String, ControlDefinition> controls;
    private final Map<String, Framework> frameworks;

    public ControlCatalog(Collection<ControlDefinition> controls, Collection<Framework> frameworks) {
        Map<String, ControlDefinition> c = new LinkedHashMap<>();
        controls.forEach(d -> c.put(d.id(), d));
        Map<String, Framework> f = new LinkedHashMap<>();
        frameworks.forEach(fw -> f.put(fw.name(), fw));
        this.controls = Map.copyOf(c);
        this.frameworks = f;
    }

    /** The built-in catalogue. */
    public static ControlCatalog standard() {
        if (standard == null) {
            synchronized (ControlCatalog.class) {
                if (standard == null) standard = load();
            }
        }
        return standard;
    }

    public Optional<ControlDefinition> control(String id) {
        return Optional.ofNullable(controls.get(id));
    }

    public List<ControlDefinition> controls() {
        return controls.values().stream().sorted(java.util.Comparator.comparing(ControlDefinition::id)).toList();
    }

    public Optional<Framework> framework(String name) {
        Framework exact = frameworks.get(name);
        if (exact != null) return Optional.of(exact);
        return frameworks.values().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    public List<Framework> frameworks() {
        return List.copyOf(frameworks.values());
    }

    private static ControlCatalog load() {
        ObjectMapper mapper = new ObjectMapper();
        List<ControlDefinition> defs = new ArrayList<>();
        List<Framework> fws = new ArrayList<>();
        for (String file : List.of("/kubescape/controls.json", "/kubeward/controls-rbac.json", "/kubeward/controls-pss.json")) {
            JsonNode arr = read(mapper, file);
            if (arr != null) arr.forEach(n -> defs.add(toDefinition(n)));
        }
        for (String file : List.of("/kubescape/frameworks.json", "/kubeward/frameworks.json", "/kubeward/frameworks-rbac.json")) {
            JsonNode obj = read(mapper, file);
            if (obj == null) continue;
            obj.fields().forEachRemaining(e -> {
                List<String> ids = new ArrayList<>();
                JsonNode v = e.getValue();
                JsonNode list = v.isArray() ? v : v.path("controls");
                list.forEach(id -> ids.add(id.asText()));
                String title = v.isObject() ? v.path("title").asText(e.getKey()) : e.getKey();
                fws.add(new Framework(e.getKey(), title, List.copyOf(ids)));
            });
        }
        // Frameworks name their controls; make sure each control also knows its frameworks.
        Map<String, List<String>> frameworksOf = new LinkedHashMap<>();
        fws.forEach(fw -> fw.controlIds().forEach(id -> frameworksOf.computeIfAbsent(id, k -> new ArrayList<>()).add(fw.name())));
        List<ControlDefinition> withFrameworks = defs.stream().map(d -> new ControlDefinition(d.id(), d.name(), d.description(),
                d.longDescription(), d.remediation(), d.baseScore(), d.category(), d.rules(),
                List.copyOf(frameworksOf.getOrDefault(d.id(), d.frameworks())), d.inputScope(), d.externalData(),
                d.frameworkTitles())).toList();
        return new ControlCatalog(withFrameworks, fws);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = ControlCatalog.class.getResourceAsStream(resource)) {
            return in == null ? null : mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static ControlDefinition toDefinition(JsonNode n) {
        List<String> rules = new ArrayList<>();
        n.path("rules").forEach(r -> rules.add(r.asText()));
        List<String> fws = new ArrayList<>();
        n.path("frameworks").forEach(r -> fws.add(r.asText()));
        List<String> external = new ArrayList<>();
        n.path("externalData").forEach(r -> external.add(r.asText()));
        Map<String, String> titles = new LinkedHashMap<>();
        n.path("frameworkTitles").fields().forEachRemaining(e -> titles.put(e.getKey(), e.getValue().asText()));
        return new ControlDefinition(n.path("id").asText(), n.path("name").asText(), n.path("description").asText(""),
                n.path("longDescription").asText(""), n.path("remediation").asText(""), n.path("baseScore").asDouble(0),
                n.path("category").asText(""), List.copyOf(rules), List.copyOf(fws), n.path("inputScope").asText("per-resource"),
                List.copyOf(external), Map.copyOf(titles));
    }
}
