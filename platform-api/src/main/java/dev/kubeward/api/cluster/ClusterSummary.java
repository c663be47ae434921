package dev.kubeward.api.cluster;

import dev.kubeward.api.query.SeverityCounts;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A cluster as lists and tiles show it. {@code status}: healthy, stale (no snapshot for longer than
 * {@code kubeward.clusters.stale-after}), rejected (the latest thing the agent sent was refused) or pending
 * (registered, nothing received yet). Scores are those of the last scan, per framework; a stale cluster
 * keeps them, the UI must read it as "not assessed".
 */
public record ClusterSummary(UUID id, String name, String provider, String region, String kubernetesVersion,
                             Integer nodeCount, String agentVersion, Instant lastSnapshotAt, Instant lastScanAt,
                             UUID lastScanId, Integer objectCount,
                             @Schema(allowableValues = {"healthy", "stale", "rejected", "pending"}) String status,
                             SeverityCounts openFindings, Map<String, BigDecimal> frameworkScores) {
}
