package dev.kubeward.engine.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.engine.model.KubeObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Kubernetes objects from YAML and JSON files and directories: multi-document YAML, {@code List}
 * kinds (flattened into their items), Helm output. A broken document or one without {@code kind} is
 * reported as skipped with the reason and the reading goes on. Each object remembers its file and line.
 */
public final class ManifestReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Objects read and inputs skipped. */
    public record Result(List<KubeObject> objects, List<SkippedInput> skipped) {
    }

    public Result read(List<Path> paths) throws IOException {
        List<KubeObject> objects = new ArrayList<>();
        List<SkippedInput> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(ManifestReader::isManifest).sorted().toList()) {
                        readFile(f, objects, skipped);
                    }
                }
            } else if (Files.isRegularFile(p)) {
                readFile(p, objects, skipped);
            } else {
                skipped.add(new SkippedInput(p.toString(), "no such file or directory"));
            }
        }
        return new Result(objects, skipped);
    }

    private static boolean isManifest(Path f) {
        String n = f.getFileName().toString().toLowerCase();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private void readFile(Path file, List<KubeObject> objects, List<SkippedInput> skipped) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        read(text, file.toString(), objects, skipped);
    }

    /** Parses text that holds one or more documents; {@code source} names it in results and messages. */
    public void read(String text, String source, List<KubeObject> objects, List<SkippedInput> skipped) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                add(JSON.readTree(text), source, 1, objects, skipped);
            } catch (IOException e) {
                skipped.add(new SkippedInput(source, "invalid JSON: " + firstLine(e.getMessage())));
            }
            return;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder doc = new StringBuilder();
        int docStart = 1;
        for (int i = 0; i <= lines.length; i++) {
            boolean end = i == lines.length;
            boolean separator = !end && (lines[i].equals("---") || lines[i].startsWith("--- ") || lines[i].startsWith("---\t") || lines[i].equals("---\r"));
            if (end || separator) {
                parseDocument(doc.toString(), source, docStart, objects, skipped);
                doc.setLength(0);
                docStart = i + 2;
            } else {
                doc.append(lines[i]).append('\n');
            }
        }
    }

    private void parseDocument(String doc, String source, int line, List<KubeObject> objects, List<SkippedInput> skipped) {
        if (doc.isBlank() || doc.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) return;
        try {
            JsonNode node = YAML.readTree(doc);
            if (node == null || node.isNull() || node.isMissingNode()) return;
            add(node, source, line, objects, skipped);
        } catch (IOException e) {
            skipped.add(new SkippedInput(source + ":" + line, "broken YAML document: " + firstLine(e.getMessage())));
        }
    }

    private void add(JsonNode node, String source, int line, List<KubeObject> objects, List<SkippedInput> skipped) {
        if (node.isArray()) {
            node.forEach(n -> add(n, source, line, objects, skipped));
            return;
        }
        if (!node.isObject()) {
            skipped.add(new SkippedInput(source + ":" + line, "not a Kubernetes object (a " + node.getNodeType().name().toLowerCase() + ")"));
            return;
        }
        String kind = node.path("kind").asText("");
        if (kind.isEmpty()) {
            skipped.add(new SkippedInput(source + ":" + line, "document has no kind"));
            return;
        }
        if (kind.endsWith("List") && node.path("items").isArray()) {
            node.path("items").forEach(n -> add(n, source, line, objects, skipped));
            return;
        }
        if (node.path("metadata").path("name").asText("").isEmpty() && node.path("metadata").path("generateName").asText("").isEmpty()) {
            skipped.add(new SkippedInput(source + ":" + line, kind + " has no metadata.name"));
            return;
        }
        objects.add(new KubeObject(node, source, line));
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
