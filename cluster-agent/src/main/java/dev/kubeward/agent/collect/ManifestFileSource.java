package dev.kubeward.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubeward.contract.ClusterMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * File mode: the same collector over manifest files or a {@code kubectl get -o yaml} dump (multi-document
 * YAML, JSON, {@code List} kinds). Used by the demo and by CI. Broken documents are logged and skipped.
 */
public final class ManifestFileSource implements ObjectSource {

    private static final Logger log = LoggerFactory.getLogger(ManifestFileSource.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Path> paths;

    public ManifestFileSource(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    @Override
    public int collect(Consumer<ObjectNode> sink) {
        List<ObjectNode> objects = new ArrayList<>();
        for (Path p : paths) readPath(p, objects);
        objects.sort(STABLE_ORDER);
        objects.forEach(sink);
        return objects.size();
    }

    /** Reads every object of the paths, sanitized, in the stable order. */
    public List<ObjectNode> readAll() {
        List<ObjectNode> out = new ArrayList<>();
        collect(out::add);
        return out;
    }

    /**
     * Cluster-scoped first, then by namespace, kind, API version (Istio's and Gateway API's {@code Gateway}
     * share a kind name) and name: the order {@link KubernetesApiSource} streams in.
     */
    public static final Comparator<JsonNode> STABLE_ORDER = Comparator
            .comparing((JsonNode o) -> o.path("metadata").path("namespace").asText(""))
            .thenComparing(o -> o.path("kind").asText(""))
            .thenComparing(o -> o.path("apiVersion").asText(""))
            .thenComparing(o -> o.path("metadata").path("name").asText(""));

    /** Cloud, distribution, version and node count as far as the files tell (nodes of a {@code kubectl get} dump). */
    public ClusterMetadata clusterMetadata() {
        return ClusterDetector.detect(null, readAll().stream().filter(o -> "Node".equals(o.path("kind").asText())).toList());
    }

    private void readPath(Path p, List<ObjectNode> out) {
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(ManifestFileSource::isManifest).sorted().toList()) {
                        readFile(f, out);
                    }
                }
            } else {
                readFile(p, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static boolean isManifest(Path f) {
        String n = f.getFileName().toString().toLowerCase();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private void readFile(Path file, List<ObjectNode> out) throws IOException {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            while (true) {
                JsonNode doc;
                try {
                    if (parser.nextToken() == null) break;
                    doc = YAML.readTree(parser);
                } catch (IOException e) {
                    log.warn("skipping the rest of {}: broken YAML ({})", file, e.getMessage().lines().findFirst().orElse(""));
                    break;
                }
                add(doc, file.getFileName().toString(), out);
            }
        }
    }

    private void add(JsonNode doc, String source, List<ObjectNode> out) {
        if (!(doc instanceof ObjectNode o)) return;
        String kind = o.path("kind").asText("");
        if (kind.isEmpty()) return;
        if (kind.endsWith("List") && o.path("items").isArray()) {
            o.path("items").forEach(i -> add(i, source, out));
            return;
        }
        out.add(ObjectSanitizer.sanitize(o, "file:" + source));
    }
}
