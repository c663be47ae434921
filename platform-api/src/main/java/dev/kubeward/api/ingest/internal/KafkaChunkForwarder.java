package dev.kubeward.api.ingest.internal;

import dev.kubeward.api.ingest.ChunkForwarder;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.Topic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forwards relayed chunks to {@link Topic#INVENTORY_CHUNKS} with the headers the agent's own Kafka publisher
 * sets, keyed by cluster id so a cluster's chunks stay ordered on one partition.
 *
 * <p>NB: its own producer, byte[] values, not a bean: the platform's default {@code KafkaTemplate} is
 * left as Boot configures it, and a second template bean would make other injections ambiguous. Idempotent
 * with acks=all, so a retry inside the producer never duplicates; a retry by the agent after a 503 may, and
 * the worker's staging by (snapshot, index) makes that harmless.
 */
@Component
class KafkaChunkForwarder implements ChunkForwarder, DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration ackTimeout;

    KafkaChunkForwarder(KafkaProperties kafka, @Value("${kubeward.ingest.ack-timeout:30s}") Duration ackTimeout) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"); // chunks are gzip already
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // the agent waits on the HTTP answer: give up on the broker well before its request times out (60 s)
        long ackMs = ackTimeout.toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackMs / 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (ackMs / 2));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackMs);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "kubeward-ingest-relay");
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producers = new DefaultKafkaProducerFactory<>(config);
        this.template = new KafkaTemplate<>(producers);
        this.ackTimeout = ackTimeout.plusSeconds(1);
    }

    @Override
    public void forward(String clusterId, int schemaVersion, String signature, byte[] chunk) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.INVENTORY_CHUNKS.topicName(), clusterId, chunk);
        record.headers().add(Headers.CLUSTER_ID, clusterId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SCHEMA_VERSION, String.valueOf(schemaVersion).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.SIGNATURE, signature.getBytes(StandardCharsets.UTF_8));
        try {
            template.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForwardingFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new ForwardingFailed("Kafka did not acknowledge the chunk: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
