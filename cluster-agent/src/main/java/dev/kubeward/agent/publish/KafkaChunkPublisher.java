package dev.kubeward.agent.publish;

import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.SnapshotChunker.EncodedChunk;
import dev.kubeward.contract.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes chunks to {@link Topic#INVENTORY_CHUNKS}, keyed by cluster id (one partition per cluster, in
 * order), signed with the cluster's secret. Idempotent producer with acks=all: retries never duplicate or
 * reorder.
 *
 * <p>When the broker is away: the producer retries with exponential backoff ({@code retry.backoff.ms} up to
 * {@code retry.backoff.max.ms}) for at most {@code delivery.timeout.ms}; what waits is bounded by
 * {@code buffer.memory} (a full buffer blocks the snapshot, which in turn stops reading the API server), and
 * a send that cannot even get metadata fails after {@code max.block.ms}. The first failure of a chunk is
 * raised by the next {@link #publish} or {@link #flush}, so the snapshot stops instead of streaming into the void.
 */
public final class KafkaChunkPublisher implements ChunkPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final ClusterCredential credential;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaChunkPublisher(String bootstrapServers, ClusterCredential credential, Map<String, Object> extraConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 500);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 30_000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 30_000);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"); // chunks are gzip already
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "kubeward-agent-" + credential.clusterId());
        config.putAll(extraConfig);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.credential = credential;
    }

    @Override
    public void publish(EncodedChunk chunk) {
        raiseFailure();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.INVENTORY_CHUNKS.topicName(), credential.clusterId(), chunk.bytes());
        record.headers().add(Headers.CLUSTER_ID, credential.clusterId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SCHEMA_VERSION, String.valueOf(SnapshotChunk.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SIGNATURE, ChunkSigner.sign(credential.secretBytes(), chunk.bytes()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record, (metadata, e) -> {
                if (e != null) failure.compareAndSet(null, e);
            });
        } catch (RuntimeException e) {
            // max.block.ms passed without metadata or buffer space: the broker is unreachable
            throw new PublishException("Kafka did not accept chunk " + chunk.chunk().index() + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public void flush() {
        producer.flush();
        raiseFailure();
    }

    private void raiseFailure() {
        Exception e = failure.getAndSet(null);
        if (e != null) {
            boolean permanent = !(e instanceof RetriableException) && !(e instanceof org.apache.kafka.common.errors.TimeoutException);
            throw new PublishException("Kafka did not acknowledge a chunk: " + e.getMessage(), permanent, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
