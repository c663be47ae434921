package dev.kubeward.api.cluster;

import dev.kubeward.api.query.SeverityCounts;

import java.math.BigDecimal;

/**
 * One cloud of the tenant in a few numbers, so a page can summarise hundreds of clusters without listing them.
 * Scores are of one framework and only of assessed clusters (healthy or rejected: a silent cluster is not assessed).
 */
public record CloudSummary(String provider, int clusters, int assessed, int attention, int stale, SeverityCounts open,
                           BigDecimal meanScore, BigDecimal worstScore) {
}
