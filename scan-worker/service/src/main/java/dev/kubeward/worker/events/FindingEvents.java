package dev.kubeward.worker.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes scan and rejection events to {@link Topic#FINDINGS_EVENTS}, keyed by cluster id so a cluster's
 * events stay in order. Called after the scan's transaction committed.
 *
 * <p>NB: a failed publish is logged and counted, not retried: the scan is committed, and redelivering the
 * chunk would find the snapshot scanned and publish nothing. {@code finding_changes} keeps every change
 * durably; a transactional outbox would make the events at-least-once too (not done yet).
 */
public class FindingEvents {

    private static final Logger log = LoggerFactory.getLogger(FindingEvents.class);

    private final KafkaOperations<String, byte[]> kafka;
    private final MeterRegistry meters;

    public FindingEvents(KafkaOperations<String, byte[]> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    public void scanCompleted(ScanEvent event) {
        publish(event.clusterId(), event, ScanEvent.TYPE);
    }

    public void rejected(RejectionEvent event) {
        publish(event.clusterId(), event, RejectionEvent.TYPE);
    }

    private void publish(UUID clusterId, Object event, String type) {
        try {
            byte[] json = ChunkCodec.mapper().writeValueAsBytes(event);
            kafka.send(new ProducerRecord<>(Topic.FINDINGS_EVENTS.topicName(), clusterId.toString(), json)).get(30, TimeUnit.SECONDS);
            meters.counter("kubeward.worker.events", "type", type, "outcome", "published").increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(type, clusterId, e);
        } catch (ExecutionException | TimeoutException | JsonProcessingException | RuntimeException e) {
            failed(type, clusterId, e);
        }
    }

    private void failed(String type, UUID clusterId, Exception e) {
        meters.counter("kubeward.worker.events", "type", type, "outcome", "failed").increment();
        log.warn("could not publish {} event of cluster {}: {}", type, clusterId, e.toString());
    }
}
