package dev.kubeward.worker.finding;

/**
 * A failed control on a resource, as the findings table keeps it: identity (control, kind, namespace, name;
 * namespace {@code ""} for cluster-scoped objects), severity, and the evidence as JSON text.
 */
public record FindingRow(String controlId, String apiVersion, String kind, String namespace, String name, String severity,
                         String rulesJson, String message, String failedPathsJson, String fixPathsJson, String deletePathsJson,
                         String relatedJson) {

    /** The unique key of a finding within a cluster. */
    public String key() {
        return controlId + '\u0000' + kind + '\u0000' + namespace + '\u0000' + name;
    }
}
