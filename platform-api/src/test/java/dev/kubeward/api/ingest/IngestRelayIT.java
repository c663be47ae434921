package dev.kubeward.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.HttpsRelayPublisher;
import dev.kubeward.agent.publish.PublishException;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.SnapshotChunker.EncodedChunk;
import dev.kubeward.contract.Topic;
import dev.kubeward.contract.Uuid7;
import dev.kubeward.contract.WireLimits;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import dev.kubeward.infra.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTPS relay on a real broker: the agent's relay client → {@code POST /ingest/v1/chunks} → the inventory topic. */
@KubewardIT
class IngestRelayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;

    private final HttpClient http = HttpClient.newHttpClient();
    private ClusterCredential cluster;
    private ClusterCredential otherCluster;

    @BeforeEach
    void registerClusters() {
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        cluster = register(fixtures.tenant("ingest").id(), "relayed");
        otherCluster = register(fixtures.tenant("ingest-other").id(), "other");
    }

    @Test
    void relaysSignedChunksToTheInventoryTopicByteIdenticalAndInOrder() {
        List<EncodedChunk> snapshot = snapshot(cluster.clusterId(), 3);
        HttpsRelayPublisher agent = new HttpsRelayPublisher(URI.create("http://127.0.0.1:" + port), cluster,
                Backoff.DEFAULT, Duration.ofSeconds(30), true);

        snapshot.forEach(agent::publish);

        List<ConsumerRecord<String, byte[]>> records = awaitRecords(cluster.clusterId(), 3, r -> true);
        assertThat(records).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            byte[] sent = snapshot.get(i).bytes();
            assertThat(r.value()).isEqualTo(sent);
            assertThat(header(r, Headers.SIGNATURE)).isEqualTo(ChunkSigner.sign(cluster.secretBytes(), sent));
            assertThat(header(r, Headers.CLUSTER_ID)).isEqualTo(cluster.clusterId());
            assertThat(header(r, Headers.SCHEMA_VERSION)).isEqualTo(String.valueOf(SnapshotChunk.SCHEMA_VERSION));
        }
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
    }

    @Test
    void answers202WithWhatWasQueued() throws Exception {
        EncodedChunk chunk = snapshot(cluster.clusterId(), 1).get(0);

        HttpResponse<String> response = post(cluster.clusterId(), sign(cluster, chunk.bytes()), chunk.bytes());

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("snapshotId").asText()).isEqualTo(chunk.chunk().snapshotId());
        assertThat(body.path("last").asBoolean()).isTrue();
    }

    @Test
    void rejectsChunkSignedByAnotherClusterWith401AndPublishesNothing() throws Exception {
        EncodedChunk forged = snapshot(cluster.clusterId(), 1).get(0);
        EncodedChunk unknownClusters = snapshot(UUID.randomUUID().toString(), 1).get(0);

        HttpResponse<String> badSignature = post(cluster.clusterId(), sign(otherCluster, forged.bytes()), forged.bytes());
        HttpResponse<String> noSignature = post(cluster.clusterId(), null, forged.bytes());
        String unknownId = unknownClusters.chunk().clusterId();
        HttpResponse<String> unknown = post(unknownId, ChunkSigner.sign("guess".getBytes(StandardCharsets.UTF_8), unknownClusters.bytes()),
                unknownClusters.bytes());

        for (HttpResponse<String> r : List.of(badSignature, noSignature, unknown)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("detail").asText()).isEqualTo(ChunkRelay.BAD_CREDENTIAL);
            assertThat(problem.path("code").asText()).isEqualTo("bad-credential");
        }
        // no oracle: an unknown cluster and a known one with a wrong signature look the same
        JsonNode unknownProblem = ((ObjectNode) JSON.readTree(unknown.body())).without("instance");
        JsonNode badSignatureProblem = ((ObjectNode) JSON.readTree(badSignature.body())).without("instance");
        assertThat(unknownProblem.toString()).isEqualTo(badSignatureProblem.toString());

        // a good chunk after the refused ones: once it is on the topic, everything before it is too
        EncodedChunk good = snapshot(cluster.clusterId(), 1).get(0);
        assertThat(post(cluster.clusterId(), sign(cluster, good.bytes()), good.bytes()).statusCode()).isEqualTo(202);
        List<ConsumerRecord<String, byte[]>> records = awaitRecords(cluster.clusterId(), 1, r -> true);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly(good.bytes());
        assertThat(awaitRecords(unknownId, 0, r -> true)).isEmpty();
    }

    @Test
    void refusesGarbageAndOversizedChunksWithAProblemDetail() throws Exception {
        byte[] garbage = "{\"not\":\"gzip\"}".getBytes(StandardCharsets.UTF_8);
        byte[] oversized = new byte[WireLimits.MAX_CHUNK_BYTES + 1];
        new Random(3).nextBytes(oversized);

        HttpResponse<String> undecodable = post(cluster.clusterId(), sign(cluster, garbage), garbage);
        HttpResponse<String> tooBig = post(cluster.clusterId(), sign(cluster, oversized), oversized);

        assertThat(undecodable.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(undecodable.body()).path("code").asText()).isEqualTo("undecodable");
        assertThat(JSON.readTree(undecodable.body()).path("detail").asText()).contains("gzip");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooBig.body()).path("code").asText()).isEqualTo("oversized");
        EncodedChunk good = snapshot(cluster.clusterId(), 1).get(0);
        assertThat(post(cluster.clusterId(), sign(cluster, good.bytes()), good.bytes()).statusCode()).isEqualTo(202);
        assertThat(awaitRecords(cluster.clusterId(), 1, r -> true)).extracting(ConsumerRecord::value).containsExactly(good.bytes());
    }

    @Test
    void theAgentStopsAtOnceOnARefusal() {
        HttpsRelayPublisher agent = new HttpsRelayPublisher(URI.create("http://127.0.0.1:" + port),
                new ClusterCredential(cluster.clusterId(), "kwcs_rotated-away"), Backoff.DEFAULT, Duration.ofSeconds(30), true);

        assertThatThrownBy(() -> agent.publish(snapshot(cluster.clusterId(), 1).get(0)))
                .isInstanceOf(PublishException.class).hasMessageContaining("401");
    }

    // ---- helpers

    private ClusterCredential register(UUID tenant, String name) {
        ClusterCredentials.IssuedCredential issued = TenantContext.callAs(tenant, () -> clusters.register(name, "eks"));
        return new ClusterCredential(issued.clusterId().toString(), issued.secret());
    }

    private static String sign(ClusterCredential c, byte[] bytes) {
        return ChunkSigner.sign(c.secretBytes(), bytes);
    }

    private static List<EncodedChunk> snapshot(String clusterId, int chunks) {
        String snapshotId = Uuid7.next().toString();
        List<EncodedChunk> out = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            List<JsonNode> objects = List.of(JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap")
                    .set("metadata", JSON.createObjectNode().put("name", "cm-" + i).put("namespace", "default")));
            SnapshotChunk chunk = new SnapshotChunk(SnapshotChunk.SCHEMA_VERSION, clusterId, snapshotId, i, i == chunks - 1, objects.size(),
                    "0.1.0-test", Instant.now(), new ClusterMetadata("eks", "EKS", "v1.29.3-eks-1", 3), objects);
            out.add(new EncodedChunk(chunk, ChunkCodec.encode(chunk)));
        }
        return out;
    }

    private HttpResponse<String> post(String clusterId, String signature, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest/v1/chunks"))
                .header("Content-Type", "application/octet-stream")
                .header(Headers.HTTP_CLUSTER_ID, clusterId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) b.header(Headers.HTTP_SIGNATURE, signature);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records of the inventory topic keyed {@code key}, read from the start with a throw-away group. */
    private static List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int atLeast, Predicate<ConsumerRecord<String, byte[]>> filter) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topic.INVENTORY_CHUNKS.topicName()));
            // read until the end of every partition (and for at least a few polls), so "nothing else" is meaningful
            long deadline = System.nanoTime() + Duration.ofSeconds(atLeast == 0 ? 5 : 30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && filter.test(r)) found.add(r);
                }
                if (atLeast > 0 && found.size() >= atLeast && caughtUp(consumer)) break;
            }
        }
        return found;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer) {
        var assigned = consumer.assignment();
        if (assigned.isEmpty()) return false;
        var ends = consumer.endOffsets(assigned);
        return assigned.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
