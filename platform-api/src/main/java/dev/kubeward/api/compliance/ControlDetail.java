package dev.kubeward.api.compliance;

import java.util.List;
import java.util.UUID;

/**
 * One control: definition, its score over all clusters (summed counts) and per cluster (last scan). The
 * failing resources are a findings list filtered by this control ({@code /api/v1/controls/{id}/resources}).
 */
public record ControlDetail(ControlInfo control, ControlScore overall, List<ClusterScore> clusters) {

    public record ClusterScore(UUID clusterId, String clusterName, ControlScore score) {
    }
}
