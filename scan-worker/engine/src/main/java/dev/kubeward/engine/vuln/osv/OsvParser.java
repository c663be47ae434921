package dev.kubeward.engine.vuln.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.engine.vuln.Ecosystem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads OSV JSON. Affected entries of ecosystems we do not match (e.g. {@code crates.io}) are dropped; a record left
 * with none is still returned so that imports can count it.
 */
public final class OsvParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses one OSV document. */
    public Advisory parse(byte[] json) {
        try {
            return parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    public Advisory parse(JsonNode root) {
        String id = root.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("OSV record without id");
        }
        List<AffectedPackage> affected = new ArrayList<>();
        for (JsonNode a : root.path("affected")) {
            affected(a).ifPresent(affected::add);
        }
        String cvss = null;
        for (JsonNode s : root.path("severity")) {
            String type = s.path("type").asText("");
            if (type.equals("CVSS_V3") || (cvss == null && type.equals("CVSS_V31"))) {
                cvss = s.path("score").asText(null);
            }
        }
        String label = text(root.path("database_specific").path("severity"));
        return new Advisory(id, root.path("modified").asText(""), strings(root.path("aliases")),
                root.path("summary").asText(""), affected, cvss, label == null ? null : label.toUpperCase(Locale.ROOT));
    }

    private Optional<AffectedPackage> affected(JsonNode a) {
        JsonNode pkg = a.path("package");
        String osvEcosystem = pkg.path("ecosystem").asText("");
        Optional<Ecosystem> ecosystem = Ecosystem.fromOsv(osvEcosystem);
        String name = pkg.path("name").asText("");
        if (ecosystem.isEmpty() || name.isBlank()) {
            return Optional.empty();
        }
        int colon = osvEcosystem.indexOf(':');
        String release = colon < 0 ? "" : ecosystem.get().normalizeRelease(osvEcosystem.substring(colon + 1));
        List<Range> ranges = new ArrayList<>();
        for (JsonNode r : a.path("ranges")) {
            range(r).ifPresent(ranges::add);
        }
        return Optional.of(new AffectedPackage(ecosystem.get(), release, name, pkg.path("purl").asText(null), ranges,
                strings(a.path("versions"))));
    }

    private Optional<Range> range(JsonNode r) {
        Range.Type type;
        try {
            type = Range.Type.valueOf(r.path("type").asText(""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<Range.Event> events = new ArrayList<>();
        for (JsonNode e : r.path("events")) {
            e.fieldNames().forEachRemaining(field -> {
                Range.Kind kind = switch (field) {
                    case "introduced" -> Range.Kind.INTRODUCED;
                    case "fixed" -> Range.Kind.FIXED;
                    case "last_affected" -> Range.Kind.LAST_AFFECTED;
                    case "limit" -> Range.Kind.LIMIT;
                    default -> null;
                };
                if (kind != null) {
                    events.add(new Range.Event(kind, e.get(field).asText()));
                }
            });
        }
        return Optional.of(new Range(type, events));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
