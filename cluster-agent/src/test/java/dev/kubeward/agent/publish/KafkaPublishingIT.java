package dev.kubeward.agent.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.collect.ObjectSource;
import dev.kubeward.agent.snapshot.SnapshotSender;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.Topic;
import dev.kubeward.infra.kafka.KafkaConnection;
import dev.kubeward.infra.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SnapshotSender + KafkaChunkPublisher through a real broker (embedded KRaft here, or whatever TestInfrastructure picks). */
class KafkaPublishingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClusterMetadata CLUSTER = new ClusterMetadata("eks", "EKS 1.29", "v1.29.3-eks-ae9a62a", 3);

    @Test
    void chunksArriveInOrderSignedAndVerifiable() {
        KafkaConnection kafka = TestInfrastructure.kafka();
        try {
            kafka.createTopic(Topic.INVENTORY_CHUNKS.topicName(), 3);
        } catch (RuntimeException alreadyThere) {
            // another test of this JVM (or an external broker) made it
        }
        ClusterCredential credential = new ClusterCredential("cluster-" + UUID.randomUUID(), "secret-" + UUID.randomUUID());
        int objects = 15_000;

        SnapshotSender.Sent sent;
        try (KafkaChunkPublisher publisher = new KafkaChunkPublisher(kafka.bootstrapServers(), credential, Map.of())) {
            sent = new SnapshotSender(credential.clusterId(), publisher).send(pods(objects), CLUSTER, Instant.parse("2026-01-01T00:00:00Z"));
        }
        assertThat(sent.objects()).isEqualTo(objects);
        assertThat(sent.chunks()).isGreaterThan(1);

        List<ConsumerRecord<String, byte[]>> records = consume(kafka, credential.clusterId(), sent.chunks());
        assertThat(records).hasSize(sent.chunks());
        int total = 0;
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            String signature = new String(r.headers().lastHeader(Headers.SIGNATURE).value(), StandardCharsets.UTF_8);
            assertThat(ChunkSigner.verify(credential.secretBytes(), r.value(), signature)).isTrue();
            assertThat(ChunkSigner.verify("another cluster's secret".getBytes(StandardCharsets.UTF_8), r.value(), signature)).isFalse();
            assertThat(new String(r.headers().lastHeader(Headers.CLUSTER_ID).value(), StandardCharsets.UTF_8)).isEqualTo(credential.clusterId());
            SnapshotChunk chunk = ChunkCodec.decode(r.value());
            assertThat(chunk.snapshotId()).isEqualTo(sent.snapshotId());
            assertThat(chunk.index()).isEqualTo(i);
            assertThat(chunk.last()).isEqualTo(i == records.size() - 1);
            assertThat(chunk.cluster()).isEqualTo(CLUSTER);
            for (var o : chunk.objects()) {
                assertThat(o.path("metadata").path("name").asText()).isEqualTo(String.format("pod-%06d", total++));
            }
        }
        assertThat(total).isEqualTo(objects);
    }

    @Test
    void unreachableBrokerFailsTheSnapshotInsteadOfBufferingForever() {
        ClusterCredential credential = new ClusterCredential("c-down", "s");
        try (KafkaChunkPublisher publisher = new KafkaChunkPublisher("127.0.0.1:1", credential,
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000))) {
            SnapshotSender sender = new SnapshotSender(credential.clusterId(), publisher);

            assertThatThrownBy(() -> sender.send(pods(100), CLUSTER, Instant.now())).isInstanceOf(PublishException.class);
        }
    }

    private static ObjectSource pods(int count) {
        return sink -> {
            for (int i = 0; i < count; i++) {
                ObjectNode pod = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
                pod.putObject("metadata").put("name", String.format("pod-%06d", i)).put("namespace", "ns").put("uid", UUID.nameUUIDFromBytes(("p" + i).getBytes()).toString());
                pod.putObject("spec").putArray("containers").addObject().put("name", "app").put("image", "registry.example.com/app:" + i)
                        .putObject("resources").putObject("limits").put("memory", "256Mi").put("cpu", "500m");
                sink.accept(pod);
            }
            return count;
        };
    }

    private static List<ConsumerRecord<String, byte[]>> consume(KafkaConnection kafka, String clusterId, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "agent-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topic.INVENTORY_CHUNKS.topicName()));
            long deadline = System.currentTimeMillis() + 60_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (clusterId.equals(r.key())) out.add(r);
                }
            }
        }
        return out;
    }
}
