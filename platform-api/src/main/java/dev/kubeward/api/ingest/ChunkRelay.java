package dev.kubeward.api.ingest;

import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkRejectedException;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.WireLimits;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The HTTPS relay for clusters that cannot reach Kafka: checks a chunk the way the worker will and forwards
 * the exact same bytes, so a chunk that came through the relay is indistinguishable from one sent directly.
 *
 * <p>Order matters, as in the worker's intake: the signature over the exact bytes is verified with the key
 * of the cluster the header names <em>before</em> anything in the payload is read. An unknown cluster and
 * a bad signature get the same answer, so the relay cannot be used to find out which cluster ids exist.
 * NB: the worker checks everything again; the relay's checks only keep garbage off the topic and give the
 * agent an answer it can act on (a 4xx is final, a 503 is retried).
 */
@Component
public class ChunkRelay {

    static final String BAD_CREDENTIAL = "The cluster id or the chunk signature was not accepted.";

    private final Function<UUID, Optional<ClusterKey>> clusters;
    private final ChunkForwarder forwarder;

    @Autowired
    public ChunkRelay(ClusterCredentials credentials, ChunkForwarder forwarder) {
        this(credentials::keyOf, forwarder);
    }

    ChunkRelay(Function<UUID, Optional<ClusterKey>> clusters, ChunkForwarder forwarder) {
        this.clusters = clusters;
        this.forwarder = forwarder;
    }

    /** What was forwarded. */
    public record Relayed(String clusterId, String snapshotId, int index, boolean last, int objectCount) {
    }

    /**
     * @throws IngestRejected when the chunk can never be accepted
     * @throws ChunkForwarder.ForwardingFailed when Kafka did not take it (worth retrying)
     */
    public Relayed relay(String clusterHeader, String signature, byte[] body) {
        if (body.length > WireLimits.MAX_CHUNK_BYTES) {
            throw new IngestRejected(413, "oversized", "chunk of " + body.length + " bytes exceeds " + WireLimits.MAX_CHUNK_BYTES);
        }
        UUID clusterId = parseUuid(clusterHeader);
        ClusterKey cluster = clusterId == null ? null : clusters.apply(clusterId).orElse(null);
        if (cluster == null || !ChunkSigner.verify(cluster.secret(), body, signature)) {
            throw new IngestRejected(401, "bad-credential", BAD_CREDENTIAL);
        }
        SnapshotChunk chunk;
        try {
            chunk = ChunkCodec.decode(body);
        } catch (ChunkRejectedException e) {
            throw new IngestRejected("oversized".equals(e.code()) ? 413 : 400, e.code(), e.getMessage());
        }
        if (!clusterId.equals(parseUuid(chunk.clusterId()))) {
            throw new IngestRejected(400, "mismatched-cluster", "the chunk's clusterId differs from the " + Headers.HTTP_CLUSTER_ID + " header");
        }
        if (chunk.index() >= WireLimits.MAX_CHUNKS_PER_SNAPSHOT) {
            throw new IngestRejected(413, "oversized", "chunk index " + chunk.index() + " exceeds "
                    + WireLimits.MAX_CHUNKS_PER_SNAPSHOT + " chunks per snapshot");
        }
        forwarder.forward(clusterId.toString(), chunk.schemaVersion(), signature, body);
        return new Relayed(clusterId.toString(), chunk.snapshotId(), chunk.index(), chunk.last(), chunk.objectCount());
    }

    private static UUID parseUuid(String s) {
        if (s == null || s.length() != 36) return null;
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
