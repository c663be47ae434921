package dev.kubeward.agent.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.collect.ObjectSource;
import dev.kubeward.agent.image.TestImage.Layer;
import dev.kubeward.agent.image.layer.ScanLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import static dev.kubeward.agent.image.Fixtures.ALPINE_OS_RELEASE;
import static dev.kubeward.agent.image.Fixtures.APK_INSTALLED;
import static org.assertj.core.api.Assertions.assertThat;

/** Once per digest, off the snapshot path, and failures that cost one image, never the agent. */
class ImageScannerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path workDir;
    private ScanHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new ScanHarness(workDir);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theSameDigestIn50PodsIsAnalysedAndSentOnceAcrossSnapshotsAndRestarts() throws Exception {
        TestImage image = TestImage.oci(alpineLayer(), new TestLayer().file("srv/readme.txt", "two layers").gzip());
        String reference = harness.registry.push("shop/cart", "1.0", image);
        List<ObjectNode> pods = new ArrayList<>();
        for (int i = 0; i < 50; i++) pods.add(pod("ns-" + (i % 5), "cart-" + i, reference, image.digest()));
        ImageScanner scanner = harness.scanner(PullSecrets.NONE);
        ObjectSource snapshot = new ImageScanningSource(listSource(pods), scanner);

        assertThat(snapshot.collect(o -> { })).isEqualTo(50);
        ScanHarness.awaitIdle(scanner);
        snapshot.collect(o -> { }); // the next snapshot
        ScanHarness.awaitIdle(scanner);
        ImageScanner restarted = harness.scanner(PullSecrets.NONE); // reads the digest cache the first one wrote
        new ImageScanningSource(listSource(pods), restarted).collect(o -> { });
        ScanHarness.awaitIdle(restarted);

        assertThat(harness.platform.received).hasSize(1);
        assertThat(harness.registry.blobRequests.get()).as("one request per layer, no config, nothing twice").isEqualTo(2);
        assertThat(harness.registry.manifestRequests.get()).isEqualTo(1);
    }

    @Test
    void offeringNeverWaitsForAnalysisAndTheQueueIsBounded() throws Exception {
        CountDownLatch release = harness.registry.holdBlobs();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TestImage image = TestImage.oci(new TestLayer().file("etc/os-release", ALPINE_OS_RELEASE).file("lib/apk/db/installed", "P:pkg" + i + "\nV:1.0-r" + i + "\n").gzip());
            references.add(harness.registry.push("many/app" + i, "1", image) + "@" + image.digest());
        }
        ImageScanner scanner = harness.scanner(PullSecrets.NONE, ScanLimits.DEFAULT, 5);

        long started = System.nanoTime();
        int queued = 0;
        for (String r : references) if (scanner.offer(ScanHarness.job(r, "default"))) queued++;
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(tookMillis).as("offers while the registry holds every download").isLessThan(1000);
        assertThat(queued).as("at most the one being analysed plus a full queue").isBetween(5, 6);
        release.countDown();
        ScanHarness.awaitIdle(scanner);
        assertThat(harness.platform.received).hasSize(queued);
        int later = 0;
        for (String r : references) if (scanner.offer(ScanHarness.job(r, "default"))) later++;
        assertThat(later).as("the dropped images are taken by a later snapshot").isBetween(5, 6);
    }

    @Test
    void aBrokenOrOversizedImageIsLoggedAndTheNextImageIsAnalysedAllTheSame() throws Exception {
        byte[] notGzip = "this is not a gzip stream at all".getBytes(StandardCharsets.UTF_8);
        TestImage broken = TestImage.of(TestImage.OCI_MANIFEST, List.of(Layer.gzip(alpineLayer()), Layer.gzip(notGzip)));
        byte[] big = new TestLayer().file("data.bin", new byte[300_000]).gzip();
        TestImage oversized = TestImage.of(TestImage.OCI_MANIFEST, List.of(new Layer(TestImage.OCI_GZIP_LAYER, big, 3L * 1024 * 1024 * 1024)));
        TestImage good = TestImage.oci(alpineLayer());
        String brokenRef = harness.registry.push("bad/gzip", "1", broken) + "@" + broken.digest();
        String oversizedRef = harness.registry.push("bad/huge", "1", oversized) + "@" + oversized.digest();
        String goodRef = harness.registry.push("good/app", "1", good) + "@" + good.digest();
        ImageScanner scanner = harness.scanner(PullSecrets.NONE);

        scanner.offer(ScanHarness.job(brokenRef, "default"));
        scanner.offer(ScanHarness.job(oversizedRef, "default"));
        scanner.offer(ScanHarness.job(goodRef, "default"));
        ScanHarness.awaitIdle(scanner);

        assertThat(harness.platform.received).extracting(LocalPlatform.Received::digest).containsExactly(good.digest());
        assertThat(harness.registry.blobRequests.get()).as("the oversized layer was never downloaded").isEqualTo(3);
        assertThat(scanner.offer(ScanHarness.job(brokenRef, "default"))).as("a failed image is left alone for a while").isFalse();
    }

    @Test
    void aRegistryThatStopsSendingCostsOneImageTheTimeout() throws Exception {
        TestImage stuck = TestImage.oci(alpineLayer());
        TestImage next = TestImage.oci(new TestLayer().file("etc/os-release", ALPINE_OS_RELEASE).file("lib/apk/db/installed", "P:next\nV:1-r0\n").gzip());
        String stuckRef = harness.registry.push("slow/app", "1", stuck) + "@" + stuck.digest();
        String nextRef = harness.registry.push("next/app", "1", next) + "@" + next.digest();
        CountDownLatch release = harness.registry.holdBlobs();
        ImageScanner scanner = harness.scanner(PullSecrets.NONE, ScanLimits.DEFAULT, 10, Duration.ofMillis(500));

        scanner.offer(ScanHarness.job(stuckRef, "default"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (scanner.offer(ScanHarness.job(stuckRef, "default")) || !scanner.idle()) {
            assertThat(System.nanoTime()).as("the stuck image was given up").isLessThan(deadline);
            Thread.sleep(20);
        }
        release.countDown();
        scanner.offer(ScanHarness.job(nextRef, "default"));
        ScanHarness.awaitIdle(scanner);

        assertThat(harness.platform.received).extracting(LocalPlatform.Received::digest).containsExactly(next.digest());
    }

    private static byte[] alpineLayer() {
        return new TestLayer().file("etc/os-release", ALPINE_OS_RELEASE).file("lib/apk/db/installed", APK_INSTALLED).gzip();
    }

    private static ObjectNode pod(String namespace, String name, String reference, String digest) {
        ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        pod.putObject("metadata").put("namespace", namespace).put("name", name);
        pod.putObject("spec").putArray("containers").addObject().put("name", "app").put("image", reference);
        pod.putObject("status").putArray("containerStatuses").addObject().put("name", "app")
                .put("imageID", reference.substring(0, reference.lastIndexOf(':')) + "@" + digest);
        return pod;
    }

    private static ObjectSource listSource(List<ObjectNode> objects) {
        return (Consumer<ObjectNode> sink) -> {
            objects.forEach(sink);
            return objects.size();
        };
    }
}
