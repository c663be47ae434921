package dev.kubeward.worker.events;

import dev.kubeward.worker.finding.FindingChange;
import dev.kubeward.worker.finding.ScanOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One event per committed scan on {@code Topic.FINDINGS_EVENTS} (key: cluster id), what alerting consumes.
 * Lists hold at most {@link #MAX_LISTED} findings each so an event stays far below Kafka's record limit (a
 * first scan of a large cluster opens thousands); the counts are always complete, and {@code finding_changes}
 * of the scan has every id.
 */
public record ScanEvent(String type, int schemaVersion, UUID tenantId, UUID clusterId, UUID scanId, UUID snapshotId,
                        Instant scannedAt, int objectCount, Map<String, Integer> openBySeverity,
                        int newCount, int reopenedCount, int resolvedCount, boolean truncated,
                        List<FindingChange> newFindings, List<FindingChange> reopenedFindings, List<FindingChange> resolvedFindings) {

    public static final String TYPE = "scan-completed";
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_LISTED = 500;

    public static ScanEvent of(ScanOutcome o) {
        boolean truncated = o.newFindings().size() > MAX_LISTED || o.reopened().size() > MAX_LISTED || o.resolved().size() > MAX_LISTED;
        return new ScanEvent(TYPE, SCHEMA_VERSION, o.tenantId(), o.clusterId(), o.scanId(), o.snapshotId(), o.scannedAt(), o.objectCount(),
                o.openBySeverity(), o.newFindings().size(), o.reopened().size(), o.resolved().size(), truncated,
                head(o.newFindings()), head(o.reopened()), head(o.resolved()));
    }

    private static List<FindingChange> head(List<FindingChange> l) {
        return l.size() <= MAX_LISTED ? l : List.copyOf(l.subList(0, MAX_LISTED));
    }
}
