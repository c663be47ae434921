package dev.kubeward.api.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.KafkaChunkPublisher;
import dev.kubeward.agent.snapshot.SnapshotSender;
import dev.kubeward.api.demo.DemoSeeder.SeededCluster;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.db.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded default's demo agents: one per demo cluster, in file mode, pushing signed snapshots to
 * Kafka exactly as a remote agent would — the worker cannot tell them apart. On the first start each
 * pushes fourteen days of history (one snapshot a day, dated in the past), then today's state; on later
 * starts only today's state.
 */
@Component
@ConditionalOnProperty(name = {"kubeward.embedded.active", "kubeward.demo.enabled"}, havingValue = "true")
class DemoAgents {

    private static final Logger log = LoggerFactory.getLogger(DemoAgents.class);

    /** How long the ready banner waits for the demo's current snapshots to be scanned. */
    private static final Duration FIRST_SCANS_WAIT = Duration.ofMinutes(3);

    private final DemoSeeder seeder;
    private final Environment env;
    private final JdbcTemplate jdbc;

    DemoAgents(DemoSeeder seeder, Environment env, JdbcTemplate jdbc) {
        this.seeder = seeder;
        this.env = env;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Path dataDir = Path.of(env.getRequiredProperty("kubeward.data-dir"));
        String url = "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        DemoDefinition demo = DemoDefinition.load();
        Path manifests = extractManifests(dataDir.resolve("demo-manifests"));
        boolean firstStart = !seeder.alreadySeeded(dataDir);
        List<SeededCluster> clusters = firstStart ? seeder.seed(demo, dataDir, url) : seeder.load(demo, dataDir);
        String bootstrap = env.getRequiredProperty("spring.kafka.bootstrap-servers");
        // Like real agents: history once, then today's state on start and on a schedule, so clusters stay fresh.
        java.util.concurrent.ScheduledExecutorService agents = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kubeward-demo-agents");
            t.setDaemon(true);
            return t;
        });
        agents.execute(() -> announceWhenScanned(push(clusters, manifests, bootstrap, firstStart), url, dataDir));
        long every = env.getProperty("kubeward.demo.interval", java.time.Duration.class, java.time.Duration.ofMinutes(10)).toSeconds();
        agents.scheduleWithFixedDelay(() -> push(clusters, manifests, bootstrap, false), every, every, java.util.concurrent.TimeUnit.SECONDS);
        log.info("Kubeward is up at {}; demo agents are pushing {} clusters through Kafka to the scan worker", url, clusters.size());
    }

    /**
     * The banner comes once the demo's current snapshots are scanned, so whoever opens the URL on it sees
     * every demo cluster with findings, not an overview still filling up.
     */
    private void announceWhenScanned(List<UUID> currentSnapshots, String url, Path dataDir) {
        Instant deadline = Instant.now().plus(FIRST_SCANS_WAIT);
        int scanned = scannedOf(currentSnapshots);
        while (scanned < currentSnapshots.size() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            scanned = scannedOf(currentSnapshots);
        }
        if (scanned < currentSnapshots.size()) {
            log.warn("only {} of {} demo snapshots were scanned within {}; see the scan worker's log above",
                    scanned, currentSnapshots.size(), FIRST_SCANS_WAIT);
        }
        log.info("""

                ==========================================================================
                 Kubeward is ready: {}
                 Sign in with a demo user (built-in OIDC provider); users, passwords and
                 API tokens are in {}
                 API: {}/api/v1/clusters  (Authorization: Bearer <apiToken>)
                 Demo clusters scanned: {} of {}
                ==========================================================================""",
                url, dataDir.resolve("demo-credentials.json"), url, scanned, currentSnapshots.size());
    }

    private int scannedOf(List<UUID> snapshots) {
        if (snapshots.isEmpty()) return 0;
        Integer n = TenantContext.callAsSystem("wait for the demo tenants' first scans", () -> jdbc.queryForObject(
                "SELECT count(DISTINCT snapshot_id) FROM scans WHERE snapshot_id = ANY (?)", Integer.class,
                (Object) snapshots.toArray(UUID[]::new)));
        return n == null ? 0 : n;
    }

    /** Pushes each cluster's snapshots and returns the ids of today's, one per cluster that could send. */
    private List<UUID> push(List<SeededCluster> clusters, Path manifests, String bootstrap, boolean withHistory) {
        Instant now = Instant.now();
        List<UUID> current = new ArrayList<>();
        for (SeededCluster c : clusters) {
            DemoClusterState state = new DemoClusterState(c.definition(), manifests);
            ClusterMetadata meta = new ClusterMetadata(c.definition().provider(), c.definition().provider().toUpperCase(),
                    c.definition().version(), c.definition().nodes());
            try (KafkaChunkPublisher publisher = new KafkaChunkPublisher(bootstrap, new ClusterCredential(c.clusterId(), c.secret()), Map.of())) {
                SnapshotSender sender = new SnapshotSender(c.clusterId(), publisher);
                int first = withHistory ? 0 : DemoDefinition.HISTORY_DAYS;
                for (int day = first; day <= DemoDefinition.HISTORY_DAYS; day++) {
                    List<ObjectNode> objects = state.objectsOn(day);
                    Instant at = day == DemoDefinition.HISTORY_DAYS ? now : now.minus(Duration.ofDays(DemoDefinition.HISTORY_DAYS - day));
                    SnapshotSender.Sent sent = sender.send(sink -> {
                        objects.forEach(sink);
                        return objects.size();
                    }, meta, at);
                    if (day == DemoDefinition.HISTORY_DAYS) current.add(UUID.fromString(sent.snapshotId()));
                    log.debug("demo agent {} sent snapshot {} ({} objects) dated {}", c.definition().name(), sent.snapshotId(), sent.objects(), at);
                }
                log.info("demo agent {}: {} snapshot(s) sent", c.definition().name(), DemoDefinition.HISTORY_DAYS - first + 1);
            } catch (RuntimeException e) {
                log.warn("demo agent {} failed: {}", c.definition().name(), e.toString());
            }
        }
        return current;
    }

    /** Demo manifests to the data directory, so the agents read real files, as in file mode. */
    private static Path extractManifests(Path target) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/**/*.yaml");
            for (Resource r : resources) {
                String uri = r.getURI().toString();
                String relative = uri.substring(uri.lastIndexOf("/demo/") + "/demo/".length());
                Path file = target.resolve(relative);
                Files.createDirectories(file.getParent());
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the demo manifests", e);
        }
    }
}
