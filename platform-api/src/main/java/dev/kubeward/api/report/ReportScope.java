package dev.kubeward.api.report;

import java.util.List;
import java.util.UUID;

/**
 * Which clusters a report covers: the listed ones, or those of one cloud provider, or (both empty) every
 * cluster of the tenant.
 */
public record ReportScope(List<UUID> clusters, String cloud) {

    public ReportScope {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        cloud = cloud == null || cloud.isBlank() ? null : cloud.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public static ReportScope all() {
        return new ReportScope(List.of(), null);
    }

    public String describe() {
        if (!clusters.isEmpty()) return clusters.size() == 1 ? "1 cluster" : clusters.size() + " clusters";
        if (cloud != null) return "all clusters on " + cloud.toUpperCase(java.util.Locale.ROOT);
        return "all clusters";
    }
}
