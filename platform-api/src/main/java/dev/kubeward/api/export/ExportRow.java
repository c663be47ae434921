package dev.kubeward.api.export;

import java.time.Instant;
import java.util.UUID;

/** One exported finding; the path lists stay raw JSON text so rows stream without parsing. */
public record ExportRow(long id, UUID clusterId, String clusterName, String controlId, String severity, String status,
                        String apiVersion, String kind, String namespace, String name, String message, String failedPathsJson,
                        String fixPathsJson, Instant firstSeen, Instant lastSeen, Instant resolvedAt, boolean excepted) {

    /** {@code cluster/namespace/Kind/name}, the object's address across clusters. */
    public String address() {
        return clusterName + "/" + (namespace.isEmpty() ? "_cluster" : namespace) + "/" + kind + "/" + name;
    }
}
