package dev.kubeward.engine.exception;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Kubescape exception files: a JSON list of {@code postureExceptionPolicy} objects. */
public final class ExceptionFile {

    private ExceptionFile() {
    }

    public static List<PostureException> read(Path file) throws IOException {
        return parse(new ObjectMapper().readTree(file.toFile()));
    }

    public static List<PostureException> parse(JsonNode root) {
        List<PostureException> out = new ArrayList<>();
        JsonNode list = root.isArray() ? root : root.path("exceptions");
        for (JsonNode p : list) {
            String type = p.path("policyType").asText("postureExceptionPolicy");
            if (!type.equals("postureExceptionPolicy")) {
                throw new IllegalArgumentException("exception '" + p.path("name").asText() + "' has policyType '" + type
                        + "'; only postureExceptionPolicy is supported");
            }
            List<String> controls = new ArrayList<>();
            List<String> frameworks = new ArrayList<>();
            for (JsonNode pp : p.path("posturePolicies")) {
                if (pp.hasNonNull("controlID")) controls.add(pp.path("controlID").asText());
                else if (pp.hasNonNull("controlId")) controls.add(pp.path("controlId").asText());
                else if (pp.hasNonNull("frameworkName")) frameworks.add(pp.path("frameworkName").asText());
            }
            List<Map<String, String>> resources = new ArrayList<>();
            for (JsonNode r : p.path("resources")) {
                Map<String, String> attrs = new LinkedHashMap<>();
                r.path("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), e.getValue().asText()));
                resources.add(attrs);
            }
            String reason = p.path("reason").asText(p.path("attributes").path("reason").asText(""));
            out.add(new PostureException(p.path("name").asText("unnamed"), reason, List.copyOf(controls), List.copyOf(frameworks),
                    List.copyOf(resources)));
        }
        return List.copyOf(out);
    }
}
