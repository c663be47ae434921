package dev.kubeward.api.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A framework across the tenant. Two overall numbers, on purpose:
 * <ul>
 *   <li>{@code tenantScore}: the framework formula over each control's resource counts summed across every
 *       cluster's last scan — the tenant read as one big cluster; large clusters weigh more. Framework pages
 *       without a cluster show this one, with its formula.</li>
 *   <li>{@code meanOfClusters}: the unweighted mean of the clusters' own scores — every cluster weighs the same.</li>
 * </ul>
 * {@code clusters} carries each cluster's score of its last scan as the worker stored it.
 */
public record FrameworkSummary(String name, String title, int controlCount, Double tenantScore, Double meanOfClusters,
                               Double minCluster, Double maxCluster, List<ClusterScore> clusters) {

    public record ClusterScore(UUID clusterId, String clusterName, Double score, Instant scannedAt) {
    }
}
