package dev.kubeward.api.finding;

import java.time.Instant;
import java.util.UUID;

/**
 * Findings of one control on one owner workload (a Deployment's pods and ReplicaSets fold into the
 * Deployment): the unit someone fixes. {@code sampleFindingId} opens one of them.
 */
public record FindingGroup(String controlId, String controlName, String severity, UUID clusterId, String clusterName,
                           String namespace, String ownerKind, String ownerName, int findings, Instant firstSeen,
                           Instant lastSeen, long sampleFindingId) {
}
