package dev.kubeward.worker.intake;

import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;

import java.util.Optional;
import java.util.UUID;

/** Finds a registered cluster, its tenant and its secret; {@code ClusterCredentials::keyOf} in production. */
@FunctionalInterface
public interface ClusterKeyLookup {

    Optional<ClusterKey> keyOf(UUID clusterId);
}
