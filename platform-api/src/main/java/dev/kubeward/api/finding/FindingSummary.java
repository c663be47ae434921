package dev.kubeward.api.finding;

import java.time.Instant;
import java.util.UUID;

/** A finding as a list row: which control failed on which object of which cluster, and since when. */
public record FindingSummary(long id, UUID clusterId, String clusterName, String controlId, String controlName, String severity,
                             String status, String apiVersion, String kind, String namespace, String name, String message,
                             Instant firstSeen, Instant lastSeen, Instant resolvedAt, boolean excepted) {
}
