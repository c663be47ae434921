package dev.kubeward.api.finding;

import dev.kubeward.api.query.SeverityCounts;

import java.util.List;
import java.util.UUID;

/**
 * Counts for the facets of the findings page, read from the per-scan summaries of each cluster's last scan
 * (never a COUNT over findings): open by severity, per cluster, and failed resources per control.
 */
public record FindingFacets(SeverityCounts open, List<ClusterCount> clusters, List<ControlCount> controls) {

    public record ClusterCount(UUID clusterId, String name, SeverityCounts open) {
    }

    public record ControlCount(String controlId, String name, String severity, long failed) {
    }
}
