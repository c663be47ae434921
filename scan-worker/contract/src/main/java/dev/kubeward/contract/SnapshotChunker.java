package dev.kubeward.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a stream of objects (already in the stable order) into chunks of at most
 * {@link WireLimits#MAX_CHUNK_BYTES} compressed. Holds at most one chunk's worth of objects, so memory
 * stays bounded whatever the cluster size; the last chunk is flagged when {@link #finish()} is called.
 * An object too large to fit a chunk on its own is passed to {@code onOversized} and left out.
 */
public final class SnapshotChunker {

    /** Uncompressed bytes gathered before trying to compress: Kubernetes JSON compresses ~8-10x. */
    private static final int TARGET_UNCOMPRESSED = 3 * 1024 * 1024;

    private final String clusterId;
    private final String snapshotId;
    private final String agentVersion;
    private final Instant collectedAt;
    private final ClusterMetadata cluster;
    private final Consumer<EncodedChunk> sink;
    private final Consumer<JsonNode> onOversized;
    private final int maxChunkBytes;

    private final List<JsonNode> pending = new ArrayList<>();
    private long pendingBytes;
    private EncodedChunk held;
    private int nextIndex;
    private int objectsSent;

    /** A chunk ready for the wire: its record and its encoded bytes. */
    public record EncodedChunk(SnapshotChunk chunk, byte[] bytes) {
    }

    public SnapshotChunker(String clusterId, String snapshotId, String agentVersion, Instant collectedAt, ClusterMetadata cluster,
                           Consumer<EncodedChunk> sink, Consumer<JsonNode> onOversized) {
        this(clusterId, snapshotId, agentVersion, collectedAt, cluster, sink, onOversized, WireLimits.MAX_CHUNK_BYTES);
    }

    SnapshotChunker(String clusterId, String snapshotId, String agentVersion, Instant collectedAt, ClusterMetadata cluster,
                    Consumer<EncodedChunk> sink, Consumer<JsonNode> onOversized, int maxChunkBytes) {
        this.clusterId = clusterId;
        this.snapshotId = snapshotId;
        this.agentVersion = agentVersion;
        this.collectedAt = collectedAt;
        this.cluster = cluster;
        this.sink = sink;
        this.onOversized = onOversized;
        this.maxChunkBytes = maxChunkBytes;
    }

    public void add(JsonNode object) {
        pending.add(object);
        pendingBytes += estimate(object);
        if (pendingBytes >= TARGET_UNCOMPRESSED) flushPending();
    }

    /** Emits what is left, the final chunk flagged {@code last} (an empty snapshot is one empty last chunk). */
    public int finish() {
        flushPending();
        if (held == null) {
            held = encode(List.of(), false);
        }
        EncodedChunk last = encode(held.chunk().objects(), true, held.chunk().index());
        held = null;
        sink.accept(last);
        return objectsSent;
    }

    private void flushPending() {
        if (pending.isEmpty()) return;
        List<JsonNode> batch = new ArrayList<>(pending);
        pending.clear();
        pendingBytes = 0;
        emitFitting(batch);
    }

    /** Encodes the batch; halves it until each part fits the limit. */
    private void emitFitting(List<JsonNode> batch) {
        if (batch.isEmpty()) return;
        int index = nextIndex;
        EncodedChunk candidate = encode(batch, false, index);
        if (candidate.bytes().length <= maxChunkBytes) {
            nextIndex++;
            objectsSent += batch.size();
            release(candidate);
            return;
        }
        if (batch.size() == 1) {
            onOversized.accept(batch.get(0));
            return;
        }
        int half = batch.size() / 2;
        emitFitting(new ArrayList<>(batch.subList(0, half)));
        emitFitting(new ArrayList<>(batch.subList(half, batch.size())));
    }

    /** Keeps one chunk back so the final one can carry the {@code last} flag. */
    private void release(EncodedChunk chunk) {
        if (held != null) sink.accept(held);
        held = chunk;
    }

    private EncodedChunk encode(List<JsonNode> objects, boolean last) {
        return encode(objects, last, nextIndex++);
    }

    private EncodedChunk encode(List<JsonNode> objects, boolean last, int index) {
        SnapshotChunk chunk = new SnapshotChunk(SnapshotChunk.SCHEMA_VERSION, clusterId, snapshotId, index, last, objects.size(),
                agentVersion, collectedAt, cluster, objects);
        return new EncodedChunk(chunk, ChunkCodec.encode(chunk));
    }

    private static long estimate(JsonNode object) {
        // Cheap upper-bound-ish estimate; the exact size is checked after compression anyway.
        return object.toString().length();
    }
}
