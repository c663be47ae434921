package dev.kubeward.api.finding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One finding with its evidence (rules, failed/fix/delete paths, related objects), the control's
 * description and remediation, and its history (new, resolved, reopened by which scan).
 */
public record FindingDetail(FindingSummary finding, String controlDescription, String remediation, List<String> rules,
                            List<Object> failedPaths, List<Object> fixPaths, List<Object> deletePaths, List<Object> related,
                            List<History> history) {

    public record History(UUID scanId, String change, Instant at) {
    }
}
