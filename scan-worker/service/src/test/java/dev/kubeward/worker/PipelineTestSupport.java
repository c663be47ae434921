package dev.kubeward.worker;

import dev.kubeward.contract.Headers;
import dev.kubeward.contract.Topic;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.infra.kafka.KafkaConnection;
import dev.kubeward.infra.postgres.PostgresConnection;
import dev.kubeward.infra.testing.TestInfrastructure;
import dev.kubeward.worker.Fixtures.Signed;
import dev.kubeward.worker.intake.ChunkIntake;
import dev.kubeward.worker.intake.IncomingChunk;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/**
 * One worker application context on real PostgreSQL and Kafka ({@link TestInfrastructure}: embedded here,
 * Testcontainers where Docker runs), shared by the integration tests; tables are emptied before each test.
 */
@SpringBootTest(classes = {ScanWorkerApplication.class, FlakyDatabase.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
        "management.defaults.metrics.export.enabled=true",
        "management.prometheus.metrics.export.enabled=true",
        "kubeward.worker.partitions=2",
        "kubeward.worker.retry.initial-interval=100ms",
        "kubeward.worker.retry.max-interval=1s"})
public abstract class PipelineTestSupport {

    private static final String SECRETS_KEY = SecretCipher.newKeyBase64();
    private static PostgresConnection database;
    private static KafkaProducer<String, byte[]> producer;

    @Autowired protected JdbcTemplate jdbc;
    @Autowired protected ClusterCredentials credentials;
    @Autowired protected ChunkIntake intake;

    /** A tenant with one registered cluster. */
    public record Registered(UUID tenantId, UUID clusterId, String secret) {
        public String cluster() {
            return clusterId.toString();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresConnection db = database();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("kubeward.secrets.key", () -> SECRETS_KEY);
    }

    static synchronized PostgresConnection database() {
        if (database == null) database = TestInfrastructure.freshDatabase();
        return database;
    }

    static KafkaConnection kafka() {
        return TestInfrastructure.kafka();
    }

    @BeforeEach
    void emptyTables() {
        TenantContext.runAsSystem("tests start from empty tables", () -> jdbc.execute("TRUNCATE tenants CASCADE"));
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    protected Registered register(String slug) {
        UUID tenant = UUID.randomUUID();
        TenantContext.runAsSystem("test set-up creates a tenant",
                () -> jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)", tenant, slug, slug));
        ClusterCredentials.IssuedCredential issued = TenantContext.callAs(tenant, () -> credentials.register(slug + "-cluster", "eks"));
        return new Registered(tenant, issued.clusterId(), issued.secret());
    }

    // ---- sending

    protected static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    protected static void send(String key, byte[] value, String signature) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.INVENTORY_CHUNKS.topicName(), key, value);
        if (signature != null) record.headers().add(new RecordHeader(Headers.SIGNATURE, signature.getBytes(StandardCharsets.US_ASCII)));
        record.headers().add(new RecordHeader(Headers.CLUSTER_ID, key.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send chunk", e);
        }
    }

    protected static void send(String key, List<Signed> chunks) {
        for (Signed s : chunks) send(key, s.bytes(), s.signature());
    }

    /** Feeds the chunks to the consumer logic directly, as the listener would. */
    protected void deliverDirectly(String key, List<Signed> chunks) {
        for (Signed s : chunks) intake.accept(new IncomingChunk(key, s.bytes(), s.signature(), "direct"));
    }

    // ---- reading

    protected long countAs(UUID tenant, String sql, Object... args) {
        Long n = TenantContext.callAs(tenant, () -> jdbc.queryForObject(sql, Long.class, args));
        return n == null ? 0 : n;
    }

    protected long countAll(String sql, Object... args) {
        Long n = TenantContext.callAsSystem("test assertion across tenants", () -> jdbc.queryForObject(sql, Long.class, args));
        return n == null ? 0 : n;
    }

    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("timed out after " + timeout + " waiting for " + what);
    }

    protected void awaitScans(Registered r, long scans) {
        await(scans + " scan(s) of " + r.cluster(), Duration.ofSeconds(60),
                () -> countAs(r.tenantId(), "SELECT count(*) FROM scans WHERE cluster_id = ?", r.clusterId()) >= scans);
    }

    /** Records of {@code topic} keyed {@code key} that match, read from the beginning with a throw-away group. */
    protected static List<ConsumerRecord<String, byte[]>> awaitRecords(Topic topic, String key, int atLeast,
                                                                      Predicate<ConsumerRecord<String, byte[]>> filter) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.topicName()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && filter.test(r)) found.add(r);
                }
            }
        }
        if (found.size() < atLeast) fail("expected " + atLeast + " record(s) on " + topic + " for " + key + ", got " + found.size());
        return found;
    }

    protected static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
