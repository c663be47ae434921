package dev.kubeward.agent;

import dev.kubeward.agent.collect.ChangeWatcher;
import dev.kubeward.agent.collect.KubernetesApiSource;
import dev.kubeward.agent.collect.ManifestFileSource;
import dev.kubeward.agent.collect.ObjectSource;
import dev.kubeward.agent.image.AnalysedDigests;
import dev.kubeward.agent.image.ImageScanner;
import dev.kubeward.agent.image.ImageScanningSource;
import dev.kubeward.agent.image.pickup.SbomPickup;
import dev.kubeward.agent.ops.AgentHealth;
import dev.kubeward.agent.ops.AgentHttpServer;
import dev.kubeward.agent.ops.AgentMetrics;
import dev.kubeward.agent.publish.ChunkPublisher;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.snapshot.SnapshotLoop;
import dev.kubeward.agent.snapshot.SnapshotSender;
import dev.kubeward.contract.ClusterMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The agent's command line: {@code run} (snapshot on start, on a schedule and soon after changes; health and
 * metrics served) and {@code once} (one snapshot, exit code 0 when it was sent). Objects come from the
 * Kubernetes API (in-cluster service account or kubeconfig, as fabric8 finds them) or, with {@code --files},
 * from manifests.
 */
@Command(name = "kubeward-agent", mixinStandardHelpOptions = true, version = "kubeward-agent " + SnapshotSender.AGENT_VERSION,
        subcommands = {AgentMain.Run.class, AgentMain.Once.class}, description = "Sends signed snapshots of a cluster to Kubeward.")
public final class AgentMain implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AgentMain.class);

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new AgentMain()).registerConverter(Duration.class, AgentMain::duration);
        System.exit(cl.execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "once", mixinStandardHelpOptions = true, description = "Take and send one snapshot, then exit (1 when it could not be sent).")
    static final class Once implements Callable<Integer> {
        @Mixin
        AgentOptions options;

        @Override
        public Integer call() {
            ClusterCredential credential = options.credential();
            try (Wiring w = new Wiring(options); ChunkPublisher publisher = options.publisher(credential)) {
                SnapshotLoop loop = new SnapshotLoop(w.metadata, w.source, new SnapshotSender(credential.clusterId(), publisher), new AgentMetrics(),
                        new AgentHealth(Clock.systemUTC(), Duration.ofHours(1)), SnapshotLoop.Settings.every(Duration.ofHours(1)), Clock.systemUTC());
                return loop.runOnce().isPresent() ? 0 : 1;
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Keep the platform up to date until stopped.")
    static final class Run implements Callable<Integer> {
        @Mixin
        AgentOptions options;

        @Option(names = "--interval", defaultValue = "${env:KUBEWARD_INTERVAL:-10m}", description = "Full snapshot every (e.g. 10m, 1h; default ${DEFAULT-VALUE}).")
        Duration interval;

        @Option(names = "--debounce", defaultValue = "${env:KUBEWARD_DEBOUNCE:-15s}", description = "Quiet time after a change before re-snapshotting.")
        Duration debounce;

        @Option(names = "--max-delay", defaultValue = "${env:KUBEWARD_MAX_DELAY:-45s}", description = "Longest wait after the first change, however busy the cluster.")
        Duration maxDelay;

        @Option(names = "--no-watch", description = "Do not watch for changes; snapshots on the schedule only.")
        boolean noWatch;

        @Option(names = "--http-port", defaultValue = "${env:KUBEWARD_HTTP_PORT:-8080}", description = "Port of /healthz, /readyz, /metrics (0: any free port).")
        int httpPort;

        @Override
        public Integer call() throws Exception {
            ClusterCredential credential = options.credential();
            AgentMetrics metrics = new AgentMetrics();
            Clock clock = Clock.systemUTC();
            // A healthy snapshot of even a large cluster takes minutes; one running for longer than 4 intervals is hung.
            AgentHealth health = new AgentHealth(clock, interval.multipliedBy(4).plus(Duration.ofMinutes(10)));
            SnapshotLoop.Settings settings = new SnapshotLoop.Settings(interval, debounce, maxDelay,
                    new dev.kubeward.agent.publish.Backoff(Duration.ofSeconds(15), Duration.ofMinutes(5)));
            CountDownLatch stopped = new CountDownLatch(1);
            AnalysedDigests sent = options.analysedDigests();
            try (Wiring w = new Wiring(options);
                 ChunkPublisher publisher = options.publisher(credential);
                 ImageScanner images = options.imageScanner(credential, w.client, sent);
                 SbomPickup pickup = options.sbomPickup(credential, w.client, sent, interval);
                 AgentHttpServer http = new AgentHttpServer(httpPort, health, metrics);
                 SnapshotLoop loop = new SnapshotLoop(w.metadata, images == null ? w.source : new ImageScanningSource(w.source, images),
                         new SnapshotSender(credential.clusterId(), publisher), metrics, health, settings, clock)) {
                log.info("agent {} for cluster {}: snapshot every {}, health and metrics on port {}", SnapshotSender.AGENT_VERSION,
                        credential.clusterId(), interval, http.port());
                Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "kubeward-agent-stop"));
                loop.start();
                ChangeWatcher watcher = null;
                if (w.client != null && !noWatch) {
                    watcher = new ChangeWatcher(w.client, loop::changed);
                    watcher.start();
                }
                stopped.await();
                if (watcher != null) watcher.close();
                log.info("agent stopping");
            }
            return 0;
        }
    }

    /** Source and cluster metadata for the chosen mode; owns the Kubernetes client in API mode. */
    private static final class Wiring implements AutoCloseable {
        final KubernetesClient client;
        final ObjectSource source;
        final Supplier<ClusterMetadata> metadata;

        Wiring(AgentOptions options) {
            if (options.fileMode()) {
                ManifestFileSource files = new ManifestFileSource(options.files);
                client = null;
                source = files;
                metadata = files::clusterMetadata;
            } else {
                client = new KubernetesClientBuilder().build();
                KubernetesApiSource api = new KubernetesApiSource(client, options.pageSize);
                source = api;
                metadata = api::clusterMetadata;
                log.info("collecting from the Kubernetes API at {}", client.getMasterUrl());
            }
        }

        @Override
        public void close() {
            if (client != null) client.close();
        }
    }

    /** "10m", "90s", "1h", "500ms", ISO-8601 ("PT10M"), or a bare number of minutes. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase();
        if (t.startsWith("pt") || t.startsWith("p")) return Duration.parse(t.toUpperCase());
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
        return Duration.ofMinutes(Long.parseLong(t));
    }
}
