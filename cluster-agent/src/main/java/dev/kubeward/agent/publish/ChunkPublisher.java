package dev.kubeward.agent.publish;

import dev.kubeward.contract.SnapshotChunker.EncodedChunk;

/** Sends signed chunks to the platform: straight to Kafka, or through the HTTPS relay. */
public interface ChunkPublisher extends AutoCloseable {

    /** Sends one chunk; chunks of a snapshot are sent in index order. */
    void publish(EncodedChunk chunk);

    /** Waits until every chunk sent so far is acknowledged. */
    void flush();

    @Override
    void close();
}
