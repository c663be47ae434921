package dev.kubeward.api.trend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Score and open findings over time per cluster, the overall series (mean score of the clusters, summed
 * counts) and markers on days findings appeared or were fixed. {@code framework} null: counts only.
 */
public record Trend(String framework, Instant from, Instant to, List<ClusterSeries> clusters, List<TrendPoint> overall,
                    List<Marker> markers) {

    public record ClusterSeries(UUID clusterId, String clusterName, List<TrendPoint> points) {
    }

    public record Marker(LocalDate day, int newFindings, int resolvedFindings) {
    }
}
