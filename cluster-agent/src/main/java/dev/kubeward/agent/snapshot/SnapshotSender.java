package dev.kubeward.agent.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.agent.collect.ObjectSource;
import dev.kubeward.agent.publish.ChunkPublisher;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.SnapshotChunker;
import dev.kubeward.contract.Uuid7;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Takes one snapshot: streams the source's objects through the chunker to the publisher, so at most one
 * chunk's worth of objects is held at a time.
 */
public final class SnapshotSender {

    private static final Logger log = LoggerFactory.getLogger(SnapshotSender.class);
    public static final String AGENT_VERSION = "0.1.0";

    private final String clusterId;
    private final ChunkPublisher publisher;

    public SnapshotSender(String clusterId, ChunkPublisher publisher) {
        this.clusterId = clusterId;
        this.publisher = publisher;
    }

    /** What one snapshot sent. */
    public record Sent(String snapshotId, int objects, int chunks, int oversized) {
    }

    public Sent send(ObjectSource source, ClusterMetadata metadata, Instant collectedAt) {
        String snapshotId = Uuid7.next().toString();
        int[] chunks = {0};
        int[] oversized = {0};
        SnapshotChunker chunker = new SnapshotChunker(clusterId, snapshotId, AGENT_VERSION, collectedAt, metadata,
                chunk -> {
                    publisher.publish(chunk);
                    chunks[0]++;
                },
                (JsonNode o) -> {
                    oversized[0]++;
                    log.warn("object {}/{} is too large for a chunk even alone and was left out of snapshot {}",
                            o.path("kind").asText(), o.path("metadata").path("name").asText(), snapshotId);
                });
        source.collect(chunker::add);
        int objects = chunker.finish();
        publisher.flush();
        return new Sent(snapshotId, objects, chunks[0], oversized[0]);
    }
}
