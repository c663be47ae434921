package dev.kubeward.worker.evaluation;

import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.engine.model.Snapshot;

import java.time.Instant;

/**
 * A complete snapshot decoded from its staged chunks: the objects and cluster facts for the engine, and what
 * the agent told about itself for the cluster record. {@code metadata} may be null when the agent sent none.
 */
public record AssembledSnapshot(Snapshot snapshot, ClusterMetadata metadata, String agentVersion, Instant collectedAt) {
}
