package dev.kubeward.worker.intake;

import java.util.UUID;

/** What intake calls once every chunk of a snapshot is staged: the scan (evaluation and persistence). */
@FunctionalInterface
public interface SnapshotCompleted {

    void scan(UUID tenantId, UUID clusterId, UUID snapshotId);
}
