package dev.kubeward.api.cluster;

import dev.kubeward.api.query.BadRequestException;

import java.util.Set;

/**
 * Narrows the cluster list; null fields do not filter. {@code sort}: name, -critical, lastSnapshot, -lastSnapshot or
 * score (lowest score in {@code framework} first; NSA when no framework is given).
 */
public record ClusterFilter(String provider, String status, String q, String sort, String framework) {

    static final Set<String> STATUSES = Set.of("healthy", "stale", "rejected", "pending");
    static final String DEFAULT_FRAMEWORK = "NSA";

    public ClusterFilter {
        if (status != null && !STATUSES.contains(status)) throw new BadRequestException("status must be one of " + STATUSES);
        if (sort != null && !ClusterSql.SORTS.containsKey(sort)) throw new BadRequestException("sort must be one of " + ClusterSql.SORTS.keySet());
        if (framework == null || framework.isBlank()) framework = DEFAULT_FRAMEWORK;
    }

    public ClusterFilter(String provider, String status, String q, String sort) {
        this(provider, status, q, sort, null);
    }

    public static ClusterFilter none() {
        return new ClusterFilter(null, null, null, null);
    }
}
