package dev.kubeward.worker.intake;

import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkRejectedException;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.WireLimits;
import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The consumer logic, free of Kafka: takes one chunk as received and either stages it (scanning the snapshot
 * once the last missing chunk is there) or rejects it with a {@link ChunkRejectedException}, which the
 * listener's error handler dead-letters without retrying.
 *
 * <p>Order of checks matters. The cluster is looked up by the record key and the signature verified over the
 * exact bytes <em>before</em> anything in the payload is read: the tenant comes from the registration, never
 * from the payload, and nothing unauthenticated reaches a tenant's data. NB: the one exception is the
 * rejection note for a bad signature on the cluster the key named (see {@code JdbcRejectionNotes}): it
 * carries no payload data, is rate-limited, and is what tells an operator that the agent still uses a
 * rotated secret.
 */
public final class ChunkIntake {

    private static final Logger log = LoggerFactory.getLogger(ChunkIntake.class);

    /** What became of an accepted chunk. */
    public enum Outcome { STAGED, DUPLICATE, SCANNED, ALREADY_DONE }

    private final ClusterKeyLookup clusters;
    private final ChunkStaging staging;
    private final SnapshotCompleted completed;
    private final RejectionNotes notes;

    public ChunkIntake(ClusterKeyLookup clusters, ChunkStaging staging, SnapshotCompleted completed, RejectionNotes notes) {
        this.clusters = clusters;
        this.staging = staging;
        this.completed = completed;
        this.notes = notes;
    }

    /**
     * @throws ChunkRejectedException when the chunk can never be accepted (after noting it on the cluster, if known)
     */
    public Outcome accept(IncomingChunk in) {
        UUID clusterId = parseUuid(in.key());
        if (clusterId == null) {
            throw rejected(null, null, "unknown-cluster", "record key " + abbreviate(in.key()) + " is not a cluster id");
        }
        ClusterKey cluster = clusters.keyOf(clusterId).orElse(null);
        if (cluster == null) {
            throw rejected(null, null, "unknown-cluster", "no registered cluster " + clusterId);
        }
        if (!ChunkSigner.verify(cluster.secret(), in.value(), in.signature())) {
            throw rejected(cluster, null, "bad-signature", in.signature() == null
                    ? "chunk carries no signature header"
                    : "signature does not match the secret of cluster " + clusterId);
        }
        SnapshotChunk chunk;
        try {
            chunk = ChunkCodec.decode(in.value());
        } catch (ChunkRejectedException e) {
            notes.record(cluster, null, e.code(), e.getMessage());
            throw e;
        }
        if (!clusterId.equals(parseUuid(chunk.clusterId()))) {
            throw rejected(cluster, chunk.snapshotId(), "mismatched-cluster",
                    "chunk names cluster " + abbreviate(chunk.clusterId()) + " but was sent as " + clusterId);
        }
        UUID snapshotId = parseUuid(chunk.snapshotId());
        if (snapshotId == null) {
            throw rejected(cluster, null, "undecodable", "snapshot id " + abbreviate(chunk.snapshotId()) + " is not a UUID");
        }
        if (chunk.index() >= WireLimits.MAX_CHUNKS_PER_SNAPSHOT) {
            throw rejected(cluster, chunk.snapshotId(), "oversized",
                    "chunk index " + chunk.index() + " exceeds " + WireLimits.MAX_CHUNKS_PER_SNAPSHOT + " chunks per snapshot");
        }
        ChunkStaging.Staged staged = staging.stage(cluster.tenantId(), clusterId, chunk, in.value());
        log.debug("chunk {} of snapshot {} ({}): {}", chunk.index(), snapshotId, in.origin(), staged);
        return switch (staged) {
            case STAGED -> Outcome.STAGED;
            case DUPLICATE -> Outcome.DUPLICATE;
            case ALREADY_DONE -> Outcome.ALREADY_DONE;
            case COMPLETE -> {
                completed.scan(cluster.tenantId(), clusterId, snapshotId);
                yield Outcome.SCANNED;
            }
        };
    }

    private ChunkRejectedException rejected(ClusterKey cluster, String snapshotId, String code, String reason) {
        notes.record(cluster, snapshotId, code, reason);
        return new ChunkRejectedException(code, reason);
    }

    private static UUID parseUuid(String s) {
        if (s == null || s.length() != 36) return null;
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Payload text ends up in headers and on a web page: keep it short. */
    private static String abbreviate(String s) {
        if (s == null) return "(none)";
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
