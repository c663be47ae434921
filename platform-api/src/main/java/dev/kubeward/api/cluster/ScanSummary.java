package dev.kubeward.api.cluster;

import dev.kubeward.api.query.SeverityCounts;

import java.time.Instant;
import java.util.UUID;

/** One scan of a cluster: when, how many objects, what stayed open, what it opened and resolved. */
public record ScanSummary(UUID id, UUID snapshotId, Instant scannedAt, int objectCount, SeverityCounts openFindings,
                          int newFindings, int resolvedFindings, String libraryVersion) {
}
