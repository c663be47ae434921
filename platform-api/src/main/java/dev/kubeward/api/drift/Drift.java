package dev.kubeward.api.drift;

import dev.kubeward.api.finding.FindingSummary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What changed in a cluster between two scans ({@code from} exclusive, {@code to} inclusive; {@code from} null:
 * since the first scan): findings that appeared (new or reopened) or were resolved, and objects added,
 * removed or changed — each finding and object by its last change in the range. Lists stop at the limit;
 * the counts are complete.
 */
public record Drift(UUID clusterId, ScanRef from, ScanRef to, Counts counts, List<ChangedFinding> newFindings,
                    List<ChangedFinding> resolvedFindings, List<ObjectChange> objects, boolean truncated) {

    public record ScanRef(UUID id, Instant scannedAt) {
    }

    public record Counts(int newFindings, int resolvedFindings, int added, int removed, int changed) {
    }

    /** {@code change}: new, reopened or resolved. */
    public record ChangedFinding(String change, FindingSummary finding) {
    }

    /** {@code change}: added, removed or changed. */
    public record ObjectChange(String kind, String namespace, String name, String change) {
    }
}
