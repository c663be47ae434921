package dev.kubeward.worker.intake;

import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;

/**
 * Makes a rejected chunk visible on the page of the cluster it claimed to come from. Called before the
 * chunk is dead-lettered.
 */
public interface RejectionNotes {

    /**
     * @param cluster    the registered cluster named by the record key, or null when there is none
     * @param snapshotId the snapshot id from the payload, only when the signature was verified; else null
     * @param code       a {@code ChunkRejectedException} code
     */
    void record(ClusterKey cluster, String snapshotId, String code, String reason);
}
