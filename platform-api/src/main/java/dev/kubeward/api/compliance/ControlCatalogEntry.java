package dev.kubeward.api.compliance;

/** A catalogue row: the control and, over every cluster's last scan, its status, counts and score. */
public record ControlCatalogEntry(ControlInfo control, ControlScore current, int failingClusters) {
}
