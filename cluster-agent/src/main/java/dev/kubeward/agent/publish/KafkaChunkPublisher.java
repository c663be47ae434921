package dev.kubeward.agent.publish;

import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.SnapshotChunker.EncodedChunk;
import dev.kubeward.contract.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes chunks to {@link Topic#INVENTORY_CHUNKS}, keyed by cluster id (one partition per cluster, in
 * order), signed with the cluster's secret. Idempotent producer with acks=all: retries never duplicate or
 * reorder; {@code buffer.memory} and {@code max.block.ms} bound what waits while the broker is away.
 */
public final class KafkaChunkPublisher implements ChunkPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final ClusterCredential credential;

    public KafkaChunkPublisher(String bootstrapServers, ClusterCredential credential, Map<String, Object> extraConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "kubeward-agent-" + credential.clusterId());
        config.putAll(extraConfig);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.credential = credential;
    }

    @Override
    public void publish(EncodedChunk chunk) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.INVENTORY_CHUNKS.topicName(), credential.clusterId(), chunk.bytes());
        record.headers().add(Headers.CLUSTER_ID, credential.clusterId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SCHEMA_VERSION, String.valueOf(SnapshotChunk.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SIGNATURE, ChunkSigner.sign(credential.secretBytes(), chunk.bytes()).getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
