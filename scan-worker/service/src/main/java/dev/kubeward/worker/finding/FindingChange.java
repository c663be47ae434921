package dev.kubeward.worker.finding;

/** A finding that a scan opened, reopened or resolved: what alerting needs to describe it. */
public record FindingChange(long id, String controlId, String severity, String kind, String namespace, String name) {
}
