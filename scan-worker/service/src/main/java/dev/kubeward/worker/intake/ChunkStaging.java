package dev.kubeward.worker.intake;

import dev.kubeward.contract.SnapshotChunk;

import java.util.UUID;

/** Keeps verified chunks until their snapshot is complete. Staging the same chunk twice is harmless. */
public interface ChunkStaging {

    /** What staging a chunk found. */
    enum Staged {
        /** Kept; the snapshot still misses chunks. */
        STAGED,
        /** Already there (a redelivery); the snapshot still misses chunks. */
        DUPLICATE,
        /** Every chunk 0..last is there (whether this one was new or a redelivery): scan it now. */
        COMPLETE,
        /** The snapshot was already scanned, expired or rejected: nothing to do. */
        ALREADY_DONE
    }

    /** Stages {@code rawValue} (the exact bytes received) as chunk {@code chunk.index()} of its snapshot, in the tenant. */
    Staged stage(UUID tenantId, UUID clusterId, SnapshotChunk chunk, byte[] rawValue);
}
