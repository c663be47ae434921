package dev.kubeward.api.cluster;

import java.util.UUID;

/** A cluster as a filter choice names it. */
public record ClusterName(UUID id, String name, String provider) {
}
