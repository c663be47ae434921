package dev.kubeward.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One chunk of a snapshot. A snapshot is chunks 0..n of one {@code snapshotId} (a UUIDv7), the last one
 * flagged {@code last}; objects come in a stable order (cluster-scoped first, then by namespace).
 * On the wire a chunk is gzip-compressed JSON of this record ({@link ChunkCodec}), signed with the
 * cluster's secret ({@link ChunkSigner}). The tenant is never part of it: the worker derives it from the
 * cluster registration. Fields are only ever added; a breaking change is a new {@link #SCHEMA_VERSION}.
 */
public record SnapshotChunk(int schemaVersion, String clusterId, String snapshotId, int index, boolean last,
                            int objectCount, String agentVersion, Instant collectedAt, ClusterMetadata cluster,
                            List<JsonNode> objects) {

    public static final int SCHEMA_VERSION = 1;

    public SnapshotChunk {
        objects = List.copyOf(objects);
        if (objectCount != objects.size()) {
            throw new IllegalArgumentException("objectCount " + objectCount + " but " + objects.size() + " objects");
        }
    }
}
