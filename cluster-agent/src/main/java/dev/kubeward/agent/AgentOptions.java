package dev.kubeward.agent;

import dev.kubeward.agent.collect.KubernetesApiSource;
import dev.kubeward.agent.image.AnalysedDigests;
import dev.kubeward.agent.image.ImageAnalyser;
import dev.kubeward.agent.image.ImageScanSettings;
import dev.kubeward.agent.image.ImageScanner;
import dev.kubeward.agent.image.KubernetesPullSecrets;
import dev.kubeward.agent.image.PullSecrets;
import dev.kubeward.agent.image.layer.ScanLimits;
import dev.kubeward.agent.image.pickup.PickupLimits;
import dev.kubeward.agent.image.pickup.SbomPickup;
import dev.kubeward.agent.image.sbom.SbomSender;
import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.ChunkPublisher;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.HttpsRelayPublisher;
import dev.kubeward.agent.publish.KafkaChunkPublisher;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Options both modes share: who the cluster is, where chunks go, where objects come from. Flags win over environment. */
final class AgentOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--cluster-id", defaultValue = "${env:KUBEWARD_CLUSTER_ID}", description = "Cluster id issued at registration (env KUBEWARD_CLUSTER_ID).")
    String clusterId;

    @Option(names = "--cluster-secret", defaultValue = "${env:KUBEWARD_CLUSTER_SECRET}", description = "Cluster secret (env KUBEWARD_CLUSTER_SECRET); prefer --cluster-secret-file.")
    String clusterSecret;

    @Option(names = "--cluster-secret-file", defaultValue = "${env:KUBEWARD_CLUSTER_SECRET_FILE}",
            description = "File holding the cluster secret, e.g. a mounted Secret (env KUBEWARD_CLUSTER_SECRET_FILE).")
    Path clusterSecretFile;

    @Option(names = "--kafka-bootstrap", defaultValue = "${env:KUBEWARD_KAFKA_BOOTSTRAP}", description = "Kafka bootstrap servers (env KUBEWARD_KAFKA_BOOTSTRAP).")
    String kafkaBootstrap;

    @Option(names = "--relay-url", defaultValue = "${env:KUBEWARD_RELAY_URL}", description = "HTTPS relay of platform-api, for clusters that cannot reach Kafka (env KUBEWARD_RELAY_URL).")
    URI relayUrl;

    @Option(names = "--insecure-relay", defaultValue = "${env:KUBEWARD_INSECURE_RELAY:-false}", description = "Allow a plain http:// relay URL (chunks stay signed, not encrypted).")
    boolean insecureRelay;

    @Option(names = "--files", arity = "1..*", paramLabel = "PATH", description = "File mode: manifests or a `kubectl get -o yaml` dump instead of the Kubernetes API.")
    List<Path> files;

    @Option(names = "--page-size", defaultValue = "${env:KUBEWARD_PAGE_SIZE:-500}", description = "Objects per list request (default ${DEFAULT-VALUE}).")
    int pageSize = KubernetesApiSource.DEFAULT_PAGE_SIZE;

    @Option(names = "--image-scan", defaultValue = "${env:KUBEWARD_IMAGE_SCAN:-false}",
            description = "Analyse the images pods run and send one CycloneDX SBOM per image digest (run mode; env KUBEWARD_IMAGE_SCAN).")
    boolean imageScan;

    @Option(names = "--platform-url", defaultValue = "${env:KUBEWARD_PLATFORM_URL}",
            description = "platform-api base URL the SBOMs go to (env KUBEWARD_PLATFORM_URL); defaults to --relay-url; http:// only with --insecure-relay.")
    URI platformUrl;

    @Option(names = "--sbom-pickup", defaultValue = "${env:KUBEWARD_SBOM_PICKUP:-false}",
            description = "Send the SBOMs Trivy Operator and Kubescape already made in the cluster, one per image digest (run mode; env KUBEWARD_SBOM_PICKUP).")
    boolean sbomPickup;

    @Option(names = "--sbom-pickup-max-report-mib", defaultValue = "${env:KUBEWARD_SBOM_PICKUP_MAX_REPORT_MIB:-32}",
            description = "Larger reports are not picked up (default ${DEFAULT-VALUE}).")
    long sbomPickupMaxReportMib;

    @Option(names = "--sbom-pickup-max-components", defaultValue = "${env:KUBEWARD_SBOM_PICKUP_MAX_COMPONENTS:-20000}",
            description = "Reports naming more packages are not picked up (default ${DEFAULT-VALUE}).")
    int sbomPickupMaxComponents;

    @Option(names = "--image-scan-dir", defaultValue = "${env:KUBEWARD_IMAGE_SCAN_DIR:-/tmp/kubeward-image-scan}",
            description = "Digest cache (shared with SBOM pick-up) and scratch space of image analysis (default ${DEFAULT-VALUE}).")
    Path imageScanDir;

    @Option(names = "--image-scan-max-layer-mib", defaultValue = "${env:KUBEWARD_IMAGE_SCAN_MAX_LAYER_MIB:-2048}",
            description = "Images with a larger layer (compressed) are not analysed (default ${DEFAULT-VALUE}).")
    long imageScanMaxLayerMib;

    @Option(names = "--image-scan-disk-mib", defaultValue = "${env:KUBEWARD_IMAGE_SCAN_DISK_MIB:-512}",
            description = "Disk for the package databases extracted from one image (default ${DEFAULT-VALUE}).")
    long imageScanDiskMib;

    @Option(names = "--image-scan-cache-entries", defaultValue = "${env:KUBEWARD_IMAGE_SCAN_CACHE_ENTRIES:-10000}",
            description = "Image digests remembered as analysed and sent (default ${DEFAULT-VALUE}).")
    int imageScanCacheEntries;

    @Option(names = "--plain-http-registry", split = ",", defaultValue = "${env:KUBEWARD_PLAIN_HTTP_REGISTRIES}", paramLabel = "HOST:PORT",
            description = "Registries reached over plain HTTP, e.g. an in-cluster registry without TLS (env KUBEWARD_PLAIN_HTTP_REGISTRIES).")
    List<String> plainHttpRegistries;

    boolean fileMode() {
        return files != null && !files.isEmpty();
    }

    ClusterCredential credential() {
        if (blank(clusterId)) throw new ParameterException(spec.commandLine(), "missing --cluster-id (or KUBEWARD_CLUSTER_ID)");
        String secret = clusterSecret;
        if (clusterSecretFile != null) {
            try {
                secret = Files.readString(clusterSecretFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cluster secret file " + clusterSecretFile, e);
            }
        }
        if (blank(secret)) throw new ParameterException(spec.commandLine(), "missing --cluster-secret-file or --cluster-secret (or their KUBEWARD_ variables)");
        return new ClusterCredential(clusterId.strip(), secret);
    }

    ChunkPublisher publisher(ClusterCredential credential) {
        boolean kafka = !blank(kafkaBootstrap);
        boolean relay = relayUrl != null && !blank(relayUrl.toString());
        if (kafka == relay) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --kafka-bootstrap (KUBEWARD_KAFKA_BOOTSTRAP) and --relay-url (KUBEWARD_RELAY_URL)");
        }
        if (kafka) return new KafkaChunkPublisher(kafkaBootstrap, credential, Map.of());
        return new HttpsRelayPublisher(relayUrl, credential, Backoff.DEFAULT, Duration.ofMinutes(5), insecureRelay);
    }

    /**
     * The digests already sent, shared by image analysis and SBOM pick-up so that a digest either one sent is not
     * sent again; null when both are off.
     */
    AnalysedDigests analysedDigests() {
        if (!imageScan && !sbomPickup) return null;
        return new AnalysedDigests(imageScanDir.resolve(ImageScanner.CACHE_FILE), imageScanCacheEntries, ImageAnalyser.ANALYSERS_VERSION);
    }

    /** The started image scanner when {@code --image-scan} is on, else null; pull secrets are read through {@code client} (null in file mode). */
    ImageScanner imageScanner(ClusterCredential credential, KubernetesClient client, AnalysedDigests sent) {
        if (!imageScan) return null;
        ScanLimits limits = ScanLimits.DEFAULT.withMaxLayerBytes(imageScanMaxLayerMib * 1024 * 1024).withMaxDiskBytes(imageScanDiskMib * 1024 * 1024);
        ImageScanSettings settings = new ImageScanSettings(platform("--image-scan"), insecureRelay, imageScanDir, limits, 1000,
                plainHttpRegistries == null ? Set.of() : Set.copyOf(plainHttpRegistries), Duration.ofMinutes(30), Duration.ofHours(6));
        return ImageScanner.start(settings, credential, client == null ? PullSecrets.NONE : new KubernetesPullSecrets(client), sent);
    }

    /** The SBOM pick-up when {@code --sbom-pickup} is on, else null; it reads the reports through {@code client}, started with {@code every}. */
    SbomPickup sbomPickup(ClusterCredential credential, KubernetesClient client, AnalysedDigests sent, Duration every) {
        if (!sbomPickup) return null;
        if (client == null) throw new ParameterException(spec.commandLine(), "--sbom-pickup reads the Kubernetes API: it cannot be used with --files");
        SbomSender sender = new SbomSender(platform("--sbom-pickup"), credential, Backoff.DEFAULT, Duration.ofMinutes(5), insecureRelay);
        SbomPickup pickup = new SbomPickup(client, pageSize, sender, sent,
                new PickupLimits(sbomPickupMaxReportMib * 1024 * 1024, sbomPickupMaxComponents));
        pickup.start(every);
        return pickup;
    }

    /** Where SBOMs go: {@code --platform-url}, else the relay. */
    private URI platform(String feature) {
        URI platform = platformUrl != null && !blank(platformUrl.toString()) ? platformUrl : relayUrl;
        if (platform == null || blank(platform.toString())) {
            throw new ParameterException(spec.commandLine(), feature + " needs --platform-url (KUBEWARD_PLATFORM_URL) or --relay-url");
        }
        return platform;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
