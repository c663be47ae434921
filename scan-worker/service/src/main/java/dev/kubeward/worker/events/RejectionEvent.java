package dev.kubeward.worker.events;

import java.time.Instant;
import java.util.UUID;

/** A chunk of a registered cluster was refused (the cluster page and alerting show why). */
public record RejectionEvent(String type, int schemaVersion, UUID tenantId, UUID clusterId, String snapshotId, String code,
                             String reason, Instant at) {

    public static final String TYPE = "snapshot-rejected";

    public static RejectionEvent of(UUID tenantId, UUID clusterId, String snapshotId, String code, String reason) {
        return new RejectionEvent(TYPE, ScanEvent.SCHEMA_VERSION, tenantId, clusterId, snapshotId, code, reason, Instant.now());
    }
}
