package dev.kubeward.agent.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.agent.image.layer.ScanLimits;
import dev.kubeward.agent.image.registry.ImageReference;
import dev.kubeward.agent.image.sbom.SbomSender;
import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.engine.vuln.sbom.Component;
import dev.kubeward.engine.vuln.sbom.Sbom;
import dev.kubeward.engine.vuln.sbom.SbomParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A loopback registry and platform, and scanners wired to them the way {@link ImageScanner#start} wires the real ones. */
final class ScanHarness implements AutoCloseable {

    static final ClusterCredential CLUSTER = new ClusterCredential("3f9a2c1e-0000-4000-8000-000000000001", "kwcs_image-scan-test-secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One SBOM component as the document writes it. */
    record Row(String name, String version, String purl) {
    }

    final LocalRegistry registry;
    final LocalPlatform platform;
    private final Path workDir;
    private final List<ImageScanner> scanners = new ArrayList<>();

    ScanHarness(Path workDir) throws IOException {
        this.workDir = workDir;
        this.registry = new LocalRegistry();
        this.platform = new LocalPlatform(CLUSTER);
    }

    ImageScanner scanner(PullSecrets secrets) {
        return scanner(secrets, ScanLimits.DEFAULT, 100);
    }

    ImageScanner scanner(PullSecrets secrets, ScanLimits limits, int queueCapacity) {
        return scanner(secrets, limits, queueCapacity, Duration.ofMinutes(1));
    }

    ImageScanner scanner(PullSecrets secrets, ScanLimits limits, int queueCapacity, Duration imageTimeout) {
        ImageAnalyser analyser = new ImageAnalyser(workDir.resolve("scratch"), limits, Set.of(registry.host(), registry.storageHost()));
        SbomSender sender = new SbomSender(platform.uri(), CLUSTER, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), Duration.ofSeconds(5), true);
        AnalysedDigests sent = new AnalysedDigests(workDir.resolve(ImageScanner.CACHE_FILE), 1000, ImageAnalyser.ANALYSERS_VERSION);
        ImageScanner scanner = new ImageScanner(analyser, secrets, sender, sent, queueCapacity, imageTimeout, Duration.ofHours(6),
                Clock.systemUTC());
        scanner.start();
        scanners.add(scanner);
        return scanner;
    }

    static ImageJob job(String reference, String namespace, String... pullSecrets) {
        return new ImageJob(ImageReference.parse(reference), namespace, List.of(pullSecrets));
    }

    static void awaitIdle(ImageScanner scanner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!scanner.idle()) {
            assertThat(System.nanoTime()).as("scanner still busy after 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The components of an SBOM as written, after checking that the platform's parser reads every purl and can match it. */
    static List<Row> components(byte[] document, String expectedDigest) {
        Sbom parsed;
        JsonNode root;
        try {
            parsed = new SbomParser().parse(new ByteArrayInputStream(document));
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(parsed.format()).isEqualTo("CycloneDX 1.5");
        assertThat(parsed.imageDigest()).isEqualTo(expectedDigest);
        assertThat(root.path("metadata").path("component").path("type").asText()).isEqualTo("container");
        assertThat(parsed.components()).allSatisfy(c -> {
            assertThat(c.purl()).as("purl of %s parses", c.name()).isNotNull();
            assertThat(c.pkg()).as("purl of %s is matchable", c.name()).isNotNull();
        });
        List<Row> rows = new ArrayList<>();
        for (JsonNode c : root.path("components")) rows.add(new Row(c.path("name").asText(), c.path("version").asText(), c.path("purl").asText()));
        assertThat(parsed.components()).extracting(Component::name).containsExactlyElementsOf(rows.stream().map(Row::name).toList());
        return rows;
    }

    @Override
    public void close() {
        scanners.forEach(ImageScanner::close);
        registry.close();
        platform.close();
    }
}
