package dev.kubeward.worker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.publish.ChunkPublisher;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.KafkaChunkPublisher;
import dev.kubeward.agent.snapshot.SnapshotSender;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunker;
import dev.kubeward.contract.SnapshotChunker.EncodedChunk;
import dev.kubeward.contract.Topic;
import dev.kubeward.contract.Uuid7;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.infra.postgres.PostgresConnection;
import dev.kubeward.infra.testing.TestInfrastructure;
import dev.kubeward.worker.ScanWorkerApplication;
import dev.kubeward.worker.e2e.MockCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The pipeline benchmark (not a test): real Kafka and PostgreSQL from {@link TestInfrastructure}, scan workers
 * as real Spring contexts of {@link ScanWorkerApplication} in one consumer group.
 * <ol>
 *   <li><b>latency</b>: a 10k-object cluster sent by the agent's own {@link SnapshotSender} and
 *       {@link KafkaChunkPublisher}, from the first chunk handed to Kafka to the scan row committed
 *       (findings, summaries and the scan commit in one transaction);</li>
 *   <li><b>throughput</b>: several clusters sent at once (chunks pre-encoded and signed, interleaved), objects
 *       per second until every scan is committed, with one worker and with two workers in the group.</li>
 * </ol>
 * How to run it and the figures: docs/benchmarks.md, section "Pipeline". Arguments (defaults):
 * {@code latencyObjects=10000 runs=3 clusters=6 clusterObjects=5000 analyze=false}.
 */
public final class PipelineBenchmark {

    private static final ClusterMetadata EKS = new ClusterMetadata("eks", "EKS 1.29", "v1.29.3-eks-1", 3);

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int latencyObjects = Integer.parseInt(a.getOrDefault("latencyObjects", "10000"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        int clusters = Integer.parseInt(a.getOrDefault("clusters", "6"));
        int clusterObjects = Integer.parseInt(a.getOrDefault("clusterObjects", "5000"));
        boolean analyze = Boolean.parseBoolean(a.getOrDefault("analyze", "false"));

        System.out.println("machine: " + machine());
        PostgresConnection db = TestInfrastructure.freshDatabase();
        String kafka = TestInfrastructure.kafka().bootstrapServers();
        String secretsKey = SecretCipher.newKeyBase64();

        List<String> report = new ArrayList<>();
        try (Workers one = Workers.start(1, db, kafka, secretsKey)) {
            List<JsonNode> warmup = MockCluster.objects(300);
            latency(one, kafka, warmup);
            throughput(one, kafka, clusters, MockCluster.objects(150)); // warms the throughput path too
            // the first 10k-object scan on a fresh database is slow (see docs/benchmarks.md); analyze=true tests whether
            // table statistics are why
            if (analyze) analyze(db);
            List<JsonNode> objects = MockCluster.objects(workloadsFor(latencyObjects));
            long[] ms = new long[runs];
            for (int i = 0; i < runs; i++) ms[i] = latency(one, kafka, objects);
            report.add(String.format(Locale.ROOT, "latency, %d objects, 1 worker: %s ms (median %d ms)",
                    objects.size(), Arrays.toString(ms), median(ms)));
            System.out.println(report.get(report.size() - 1));
            List<JsonNode> perCluster = MockCluster.objects(workloadsFor(clusterObjects));
            report.add(throughput(one, kafka, clusters, perCluster));
            System.out.println(report.get(report.size() - 1));
        }
        try (Workers two = Workers.start(2, db, kafka, secretsKey)) {
            List<JsonNode> perCluster = MockCluster.objects(workloadsFor(clusterObjects));
            throughput(two, kafka, clusters, MockCluster.objects(150));
            report.add(throughput(two, kafka, clusters, perCluster));
            System.out.println(report.get(report.size() - 1));
            List<JsonNode> objects = MockCluster.objects(workloadsFor(latencyObjects));
            long[] ms = new long[runs];
            for (int i = 0; i < runs; i++) ms[i] = latency(two, kafka, objects);
            report.add(String.format(Locale.ROOT, "latency, %d objects, 2 workers: %s ms (median %d ms)",
                    objects.size(), Arrays.toString(ms), median(ms)));
            System.out.println(report.get(report.size() - 1));
        }
        System.out.println("\n== results ==");
        report.forEach(System.out::println);
        System.exit(0);
    }

    /** Sends one snapshot through the agent's sender and publisher; ms from the first chunk sent to the scan committed. */
    static long latency(Workers workers, String kafka, List<JsonNode> objects) throws Exception {
        Registration r = workers.register();
        long[] firstSent = {0};
        try (KafkaChunkPublisher kafkaPublisher = new KafkaChunkPublisher(kafka, r.credential(), Map.of())) {
            ChunkPublisher timed = new ChunkPublisher() {
                @Override
                public void publish(EncodedChunk chunk) {
                    if (firstSent[0] == 0) firstSent[0] = System.nanoTime();
                    kafkaPublisher.publish(chunk);
                }

                @Override
                public void flush() {
                    kafkaPublisher.flush();
                }

                @Override
                public void close() {
                }
            };
            new SnapshotSender(r.clusterId().toString(), timed).send(sink -> {
                objects.forEach(o -> sink.accept(((ObjectNode) o).deepCopy()));
                return objects.size();
            }, EKS, Instant.now());
        }
        workers.awaitScans(List.of(r.clusterId()));
        return (System.nanoTime() - firstSent[0]) / 1_000_000;
    }

    /** Several clusters at once; returns the report line. */
    static String throughput(Workers workers, String kafka, int clusters, List<JsonNode> objects) throws Exception {
        List<Registration> registered = new ArrayList<>();
        List<List<EncodedChunk>> snapshots = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            Registration r = workers.register();
            registered.add(r);
            List<EncodedChunk> chunks = new ArrayList<>();
            SnapshotChunker chunker = new SnapshotChunker(r.clusterId().toString(), Uuid7.next().toString(), "bench", Instant.now(), EKS,
                    chunks::add, o -> { });
            objects.forEach(chunker::add);
            chunker.finish();
            snapshots.add(chunks);
        }
        int chunkCount = snapshots.stream().mapToInt(List::size).sum();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            int max = snapshots.stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < max; i++) {
                for (int c = 0; c < clusters; c++) {
                    if (i >= snapshots.get(c).size()) continue;
                    Registration r = registered.get(c);
                    byte[] bytes = snapshots.get(c).get(i).bytes();
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.INVENTORY_CHUNKS.topicName(), r.clusterId().toString(), bytes);
                    record.headers().add(Headers.CLUSTER_ID, r.clusterId().toString().getBytes(StandardCharsets.UTF_8));
                    record.headers().add(Headers.SIGNATURE, ChunkSigner.sign(r.credential().secretBytes(), bytes).getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
            }
            producer.flush();
            workers.awaitScans(registered.stream().map(Registration::clusterId).toList());
            long ms = (System.nanoTime() - start) / 1_000_000;
            long total = (long) clusters * objects.size();
            return String.format(Locale.ROOT, "throughput, %d worker(s), %d clusters × %d objects (%d chunks): %d ms, %.0f objects/s",
                    workers.size(), clusters, objects.size(), chunkCount, ms, total * 1000.0 / ms);
        }
    }

    /** As the schema owner: the application's role may not analyze tables it does not own. */
    static void analyze(PostgresConnection db) throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); var st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    /** {@link MockCluster#objects} makes about 6.2 objects per workload. */
    static int workloadsFor(int objects) {
        return Math.max(10, (int) Math.round(objects / 6.2));
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String machine() {
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cpus, load %s, java %s, max heap %d MiB, %s", Runtime.getRuntime().availableProcessors(), load,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    record Registration(UUID tenantId, UUID clusterId, ClusterCredential credential) {
    }

    /** N worker processes' worth of Spring contexts in one consumer group. */
    static final class Workers implements AutoCloseable {

        private final List<ConfigurableApplicationContext> contexts;
        private final JdbcTemplate jdbc;
        private final ClusterCredentials credentials;

        private Workers(List<ConfigurableApplicationContext> contexts) {
            this.contexts = contexts;
            this.jdbc = contexts.get(0).getBean(JdbcTemplate.class);
            this.credentials = contexts.get(0).getBean(ClusterCredentials.class);
        }

        static Workers start(int n, PostgresConnection db, String kafka, String secretsKey) {
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // as arguments: they must win over the worker's application.yml, as they would on a command line
                contexts.add(new SpringApplicationBuilder(ScanWorkerApplication.class)
                        .web(WebApplicationType.NONE)
                        .run("--spring.datasource.url=" + db.jdbcUrl(),
                                "--spring.datasource.username=" + db.username(),
                                "--spring.datasource.password=" + db.password(),
                                "--spring.kafka.bootstrap-servers=" + kafka,
                                "--kubeward.secrets.key=" + secretsKey,
                                "--spring.main.banner-mode=off",
                                "--logging.level.root=WARN"));
            }
            return new Workers(contexts);
        }

        int size() {
            return contexts.size();
        }

        Registration register() {
            UUID tenant = UUID.randomUUID();
            String slug = "bench-" + tenant.toString().substring(0, 8);
            TenantContext.runAsSystem("benchmark set-up creates a tenant",
                    () -> jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)", tenant, slug, slug));
            ClusterCredentials.IssuedCredential issued = TenantContext.callAs(tenant, () -> credentials.register(slug, "eks"));
            return new Registration(tenant, issued.clusterId(), new ClusterCredential(issued.clusterId().toString(), issued.secret()));
        }

        void awaitScans(List<UUID> clusters) throws InterruptedException {
            UUID[] ids = clusters.toArray(UUID[]::new);
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (System.nanoTime() < deadline) {
                Long n = TenantContext.callAsSystem("benchmark polls for committed scans", () -> jdbc.queryForObject(
                        "SELECT count(DISTINCT cluster_id) FROM scans WHERE cluster_id = ANY(?)", Long.class, (Object) ids));
                if (n != null && n == ids.length) return;
                Thread.sleep(20);
            }
            throw new IllegalStateException("scans did not complete within 10 minutes");
        }

        @Override
        public void close() {
            for (ConfigurableApplicationContext c : contexts) c.close();
        }
    }
}
