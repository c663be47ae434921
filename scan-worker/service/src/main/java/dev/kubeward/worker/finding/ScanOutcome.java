package dev.kubeward.worker.finding;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What one committed scan changed; published as an event after the commit. */
public record ScanOutcome(UUID tenantId, UUID clusterId, UUID scanId, UUID snapshotId, Instant scannedAt, int objectCount,
                          Map<String, Integer> openBySeverity, List<FindingChange> newFindings, List<FindingChange> reopened,
                          List<FindingChange> resolved) {
}
