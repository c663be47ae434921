package dev.kubeward.api.resource;

import dev.kubeward.api.finding.FindingSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One object: its latest manifest (JSON and YAML), every finding on it, and the objects related to it. */
public record ResourceView(UUID clusterId, String clusterName, String apiVersion, String kind, String namespace, String name,
                           Instant firstSeen, Instant lastSeen, Instant changedAt, Instant deletedAt, Map<String, Object> body,
                           String yaml, List<FindingSummary> findings, List<RelatedObject> related) {
}
