package dev.kubeward.agent.image.pickup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubeward.agent.collect.PagingCrudDispatcher;
import dev.kubeward.agent.image.AnalysedDigests;
import dev.kubeward.agent.image.ImageAnalyser;
import dev.kubeward.agent.image.LocalPlatform;
import dev.kubeward.agent.image.sbom.SbomSender;
import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.engine.vuln.sbom.Component;
import dev.kubeward.engine.vuln.sbom.Sbom;
import dev.kubeward.engine.vuln.sbom.SbomParser;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pick-up against fabric8's mock API server in CRUD mode, paged like the real one, loaded with the fixtures of
 * {@code src/test/resources/pickup} (see its SOURCES.md), sending to a loopback platform.
 */
class SbomPickupTest {

    private static final ClusterCredential CLUSTER = new ClusterCredential("3f9a2c1e-0000-4000-8000-000000000002", "kwcs_pickup-test-secret");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CART = "sha256:1f651df12904975a54cf61daad178a49ca948a221445551f3d01d4837aa70b7f";
    private static final String APISERVER = "sha256:e1ce52508235100de53f91bbe1b7a96b0d7801028459d84360e4016e43d1f381";
    private static final String PAYMENTS = "sha256:dfc9bd268aee958331891587b039af4f1da9f9f6dcb2f7697f94920a2a1ef22d";
    private static final String NGINX = "sha256:8ace4cdc7c578804c778372b6495a4acac1d402c3dd40e61fb36d646b688efec";
    private static final String BILLING = "sha256:ecc7ade7fe851e724aa212cb7468dbdf50b17afae590b6371469510227c8c3f9";
    private static final List<String> WELL_FORMED = List.of("trivy-sbomreport.yaml", "trivy-clustersbomreport.yaml",
            "trivy-vulnerabilityreports.yaml", "kubescape-sboms.yaml");

    @TempDir Path workDir;
    private final PagingCrudDispatcher dispatcher = new PagingCrudDispatcher();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger pickupLog = (Logger) LoggerFactory.getLogger(SbomPickup.class);
    private KubernetesMockServer server;
    private KubernetesClient client;
    private LocalPlatform platform;

    @BeforeEach
    void start() throws IOException {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        for (ReportKind kind : ReportKind.values()) {
            server.expectCustomResource(new CustomResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(kind.version())
                    .withPlural(kind.resource()).withKind(kind.kind()).withScope(kind == ReportKind.CLUSTER_SBOM_REPORT ? "Cluster" : "Namespaced").build());
        }
        client = server.createClient();
        platform = new LocalPlatform(CLUSTER);
        logs.start();
        pickupLog.addAppender(logs);
        pickupLog.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        pickupLog.detachAppender(logs);
        pickupLog.setLevel(null);
        platform.close();
        client.close();
        server.destroy();
    }

    @Test
    void sendsOneSbomPerDigestListingExactlyTheReportsPackagesAndNothingOnTheNextPasses() {
        WELL_FORMED.forEach(this::load);
        SbomPickup pickup = pickup(PickupLimits.DEFAULT);

        // the filtered SBOM node-agent is still learning is the one report skipped
        assertThat(pickup.runOnce()).isEqualTo(new SbomPickup.Pass(5, 1, 0));

        Map<String, JsonNode> sent = received();
        assertThat(sent.keySet()).containsExactlyInAnyOrder(CART, APISERVER, PAYMENTS, NGINX, BILLING);
        assertThat(purls(sent.get(CART))).containsExactly( // the operating-system component is not a package
                "pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12.8",
                "pkg:deb/debian/zlib1g@1.2.13.dfsg-1?arch=amd64&distro=debian-12.8&epoch=1",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.2",
                "pkg:npm/lodash@4.17.21");
        assertThat(purls(sent.get(APISERVER))).containsExactly("pkg:golang/golang.org/x/net@v0.26.0", "pkg:golang/k8s.io/kubernetes@v1.30.6");
        assertThat(purls(sent.get(PAYMENTS))).as("two vulnerabilities of libexpat1, one package")
                .containsExactly("pkg:deb/debian/libexpat1@2.5.0-1?arch=amd64&distro=debian-12.8", "pkg:pypi/setuptools@69.0.3");
        assertThat(purls(sent.get(NGINX))).as("the SBOMSyft, not the filtered one; the artifact without a purl left out").containsExactly(
                "pkg:deb/debian/libc6@2.36-9%2Bdeb12u9?arch=amd64&distro=debian-12&upstream=glibc",
                "pkg:deb/debian/nginx@1.27.3-1~bookworm?arch=amd64&distro=debian-12",
                "pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12");
        assertThat(purls(sent.get(BILLING))).as("the image's own SPDX package left out")
                .containsExactly("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3", "pkg:golang/golang.org/x/crypto@v0.27.0");

        assertThat(provenance(sent.get(CART))).isEqualTo(Map.of("kubeward:source", "trivy-operator",
                "kubeward:source-report", "SbomReport shop/replicaset-cart-7d9f6c5b8-cart"));
        assertThat(provenance(sent.get(APISERVER))).containsEntry("kubeward:source-report", "ClusterSbomReport 7c9d5b6f84");
        assertThat(provenance(sent.get(PAYMENTS))).containsEntry("kubeward:source-report", "VulnerabilityReport payments/replicaset-payments-5c8f7d9b6-api");
        assertThat(provenance(sent.get(NGINX))).isEqualTo(Map.of("kubeward:source", "kubescape", "kubeward:source-report",
                "SBOMSyft kubescape/docker.io-library-nginx-1.27.3-8ace4c"));
        assertThat(sent.get(NGINX).path("metadata").path("component").path("name").asText()).isEqualTo("docker.io/library/nginx");
        assertThat(sent.get(PAYMENTS).path("metadata").path("component").path("name").asText()).as("index.docker.io is Docker Hub")
                .isEqualTo("docker.io/library/python");

        // the platform's own parser: the digest it files the SBOM under, and Trivy's source package carried over
        Sbom cart = new SbomParser().parse(sent.get(CART));
        assertThat(cart.imageDigest()).isEqualTo(CART);
        Component libssl = cart.components().stream().filter(c -> c.name().equals("libssl3")).findFirst().orElseThrow();
        assertThat(libssl.pkg().name()).isEqualTo("openssl");
        sent.forEach((digest, document) -> assertThat(new SbomParser().parse(document).imageDigest()).isEqualTo(digest));

        // lists are paged and metadata-only
        assertThat(dispatcher.lists).anyMatch(r -> r.query().containsKey("continue"));
        assertThat(dispatcher.lists).allMatch(r -> r.accept().contains("as=PartialObjectMetadataList"));

        int requests = dispatcher.lists.size();
        assertThat(pickup.runOnce()).isEqualTo(new SbomPickup.Pass(0, 0, 0));
        assertThat(pickup(PickupLimits.DEFAULT).runOnce()).as("a restarted agent reads the digest cache")
                .isEqualTo(new SbomPickup.Pass(0, 1, 0));
        assertThat(platform.received).hasSize(5);
        assertThat(dispatcher.lists.size()).isGreaterThan(requests);
    }

    @Test
    void malformedReportsAreSkippedWithTheReasonOnceAndDoNotStopTheOthers() {
        load("malformed.yaml");
        load("trivy-sbomreport.yaml");
        load("kubescape-sboms.yaml");
        SbomPickup pickup = pickup(PickupLimits.DEFAULT);

        assertThat(pickup.runOnce()).isEqualTo(new SbomPickup.Pass(3, 5, 0));

        assertThat(received().keySet()).containsExactlyInAnyOrder(CART, NGINX, BILLING);
        assertThat(warnings()).containsExactlyInAnyOrder(
                "SbomReport legacy/replicaset-legacy-5f6d7c8b9-app skipped: no image digest (report.artifact.digest, report.components.metadata.component)",
                "SbomReport legacy/replicaset-broken-6a7b8c9d0-app skipped: report.components.components is not a list",
                "SBOMSyft kubescape/legacy-app-local skipped: no image digest (annotation kubescape.io/image-id is "
                        + "'sha256:efa32f73633a6ad5d18a86a6033322828a8142c8d4d0ece79f94935906652b12')",
                "SBOMSyft kubescape/ghcr.io-example-huge-1.0-5b7d9f skipped: Kubescape marks it too-large (annotation kubescape.io/status)",
                "SBOMSyftFiltered kubescape/replicaset-worker-7f8e9d6c5-worker-5e6f-7a8b skipped: Kubescape marks it learning (annotation kubescape.io/status)");

        assertThat(pickup.runOnce()).as("not read again until they change").isEqualTo(new SbomPickup.Pass(0, 0, 0));
        assertThat(warnings()).hasSize(5);
    }

    @Test
    void aKindWhoseCrdIsAbsentHasNothingToPickUpAndIsLoggedOnceAtDebug() {
        dispatcher.missingPrefixes.add("/apis/" + ReportKind.SBOM_SYFT.group() + "/");
        WELL_FORMED.stream().filter(f -> f.startsWith("trivy-")).forEach(this::load);
        SbomPickup pickup = pickup(PickupLimits.DEFAULT);

        assertThat(pickup.runOnce()).isEqualTo(new SbomPickup.Pass(3, 0, 0));
        pickup.runOnce();

        assertThat(received().keySet()).containsExactlyInAnyOrder(CART, APISERVER, PAYMENTS);
        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("not served by this cluster")).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.DEBUG, Level.DEBUG, Level.DEBUG);
    }

    @Test
    void reportsOverTheLimitsAreSkippedWithAWarning() throws IOException {
        // the cart report grown by 600 dependency entries, which the pick-up never keeps but must still read
        ObjectNode cart = fixture("trivy-sbomreport.yaml").get(0);
        var dependencies = cart.with("report").with("components").withArray("dependencies");
        for (int i = 0; i < 600; i++) dependencies.addObject().put("ref", "pkg:npm/padding-" + i + "@1.0.0").putArray("dependsOn");
        create(cart);
        load("trivy-clustersbomreport.yaml");
        assertThat(JSON.writeValueAsBytes(cart).length).isGreaterThan(32_000);
        assertThat(JSON.writeValueAsBytes(fixture("trivy-clustersbomreport.yaml").get(0)).length).isLessThan(2500);

        assertThat(pickup(new PickupLimits(64L * 1024 * 1024, 3)).runOnce()).isEqualTo(new SbomPickup.Pass(1, 1, 0));
        assertThat(warnings()).containsExactly("SbomReport shop/replicaset-cart-7d9f6c5b8-cart skipped: 4 packages, more than the limit of 3");

        logs.list.clear();
        workDir = workDir.resolve("second-agent"); // a fresh digest cache
        platform.received.clear();
        assertThat(pickup(new PickupLimits(16_384, 20_000)).runOnce()).isEqualTo(new SbomPickup.Pass(1, 1, 0));
        assertThat(warnings()).containsExactly("SbomReport shop/replicaset-cart-7d9f6c5b8-cart skipped: larger than 16384 bytes");
        assertThat(received().keySet()).containsExactly(APISERVER);
    }

    private SbomPickup pickup(PickupLimits limits) {
        SbomSender sender = new SbomSender(platform.uri(), CLUSTER, new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), Duration.ofSeconds(5), true);
        AnalysedDigests sent = new AnalysedDigests(workDir.resolve("analysed-digests.txt"), 1000, ImageAnalyser.ANALYSERS_VERSION);
        return new SbomPickup(client, 1, sender, sent, limits);
    }

    private void load(String fixture) {
        fixture(fixture).forEach(this::create);
    }

    private void create(ObjectNode o) {
        ReportKind kind = Arrays.stream(ReportKind.values()).filter(k -> k.kind().equals(o.path("kind").asText())).findFirst().orElseThrow();
        String namespace = o.path("metadata").path("namespace").asText(null);
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(kind.version())
                .withPlural(kind.resource()).withKind(kind.kind()).withNamespaced(namespace != null).build();
        GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(o.toString(), GenericKubernetesResource.class);
        if (namespace == null) client.genericKubernetesResources(context).resource(r).create();
        else client.genericKubernetesResources(context).inNamespace(namespace).resource(r).create();
    }

    private static List<ObjectNode> fixture(String name) {
        try (InputStream in = SbomPickupTest.class.getResourceAsStream("/pickup/" + name)) {
            return YAML.readerFor(ObjectNode.class).<ObjectNode>readValues(in).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each SBOM the platform got, by the digest header, after checking it is sent once. */
    private Map<String, JsonNode> received() {
        Map<String, JsonNode> out = new TreeMap<>();
        for (LocalPlatform.Received r : platform.received) {
            try {
                assertThat(out.put(r.digest(), JSON.readTree(r.document()))).as("sent twice: " + r.digest()).isNull();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static List<String> purls(JsonNode sbom) {
        List<String> out = new ArrayList<>();
        sbom.path("components").forEach(c -> out.add(c.path("purl").asText()));
        return out;
    }

    private static Map<String, String> provenance(JsonNode sbom) {
        Map<String, String> out = new HashMap<>();
        sbom.path("metadata").path("properties").forEach(p -> out.put(p.path("name").asText(), p.path("value").asText()));
        return out;
    }

    private List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
