package dev.kubeward.worker.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkRejectedException;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.WireLimits;
import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;
import dev.kubeward.worker.Fixtures;
import dev.kubeward.worker.Fixtures.Signed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consumer logic fed records directly: no Kafka, no database. */
class ChunkIntakeTest {

    private static final UUID TENANT_A = UUID.randomUUID();
    private static final UUID TENANT_B = UUID.randomUUID();
    private static final UUID CLUSTER_A = UUID.randomUUID();
    private static final UUID CLUSTER_B = UUID.randomUUID();
    private static final String SECRET_A = "kwcs_secret-of-a";
    private static final String SECRET_B = "kwcs_secret-of-b";

    private final Map<UUID, ClusterKey> clusters = Map.of(
            CLUSTER_A, new ClusterKey(TENANT_A, CLUSTER_A, SECRET_A.getBytes(StandardCharsets.UTF_8)),
            CLUSTER_B, new ClusterKey(TENANT_B, CLUSTER_B, SECRET_B.getBytes(StandardCharsets.UTF_8)));
    private final InMemoryStaging staging = new InMemoryStaging();
    private final List<UUID> scanned = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ChunkIntake intake = new ChunkIntake(id -> Optional.ofNullable(clusters.get(id)), staging,
            (tenant, cluster, snapshot) -> {
                scanned.add(snapshot);
                staging.done.add(snapshot);
            },
            (cluster, snapshotId, code, reason) -> notes.add((cluster == null ? "-" : cluster.clusterId()) + " " + snapshotId + " " + code));

    private static List<JsonNode> objects() {
        return Fixtures.cluster(10);
    }

    private ChunkIntake.Outcome deliver(Signed s, UUID key) {
        return intake.accept(new IncomingChunk(key.toString(), s.bytes(), s.signature(), "test"));
    }

    @Test
    void scansOnceTheLastMissingChunkArrivesWhateverTheOrder() {
        List<Signed> chunks = Fixtures.snapshot(CLUSTER_A.toString(), objects(), 20, SECRET_A);
        assertThat(chunks).hasSizeGreaterThan(2);
        UUID snapshot = UUID.fromString(chunks.get(0).chunk().snapshotId());

        assertThat(deliver(chunks.get(chunks.size() - 1), CLUSTER_A)).isEqualTo(ChunkIntake.Outcome.STAGED);
        for (int i = 1; i < chunks.size() - 1; i++) assertThat(deliver(chunks.get(i), CLUSTER_A)).isEqualTo(ChunkIntake.Outcome.STAGED);
        assertThat(scanned).isEmpty();
        assertThat(deliver(chunks.get(0), CLUSTER_A)).isEqualTo(ChunkIntake.Outcome.SCANNED);
        assertThat(scanned).containsExactly(snapshot);
        assertThat(staging.tenantOf.get(snapshot)).isEqualTo(TENANT_A);
        assertThat(notes).isEmpty();
    }

    @Test
    void redeliveredChunksAreHarmless() {
        List<Signed> chunks = Fixtures.snapshot(CLUSTER_A.toString(), objects(), 30, SECRET_A);
        deliver(chunks.get(0), CLUSTER_A);
        assertThat(deliver(chunks.get(0), CLUSTER_A)).isEqualTo(ChunkIntake.Outcome.DUPLICATE);
        for (Signed s : chunks.subList(1, chunks.size())) deliver(s, CLUSTER_A);
        assertThat(scanned).hasSize(1);
        for (Signed s : chunks) assertThat(deliver(s, CLUSTER_A)).isEqualTo(ChunkIntake.Outcome.ALREADY_DONE);
        assertThat(scanned).hasSize(1);
    }

    @Test
    void rejectsChunkSignedByAnotherCluster() {
        Signed forged = Fixtures.snapshot(CLUSTER_A.toString(), objects(), 1000, SECRET_B).get(0);
        assertRejected(() -> deliver(forged, CLUSTER_A), "bad-signature");
        assertThat(staging.chunks).isEmpty();
        // the only trace: a note on the cluster the key named, with nothing from the payload
        assertThat(notes).containsExactly(CLUSTER_A + " null bad-signature");
    }

    @Test
    void rejectsChunkWithoutSignature() {
        Signed s = Fixtures.snapshot(CLUSTER_A.toString(), objects(), 1000, SECRET_A).get(0);
        assertRejected(() -> intake.accept(new IncomingChunk(CLUSTER_A.toString(), s.bytes(), null, "test")), "bad-signature");
    }

    @Test
    void rejectsUnknownClusterAndKeysThatAreNoClusterId() {
        Signed s = Fixtures.snapshot(CLUSTER_A.toString(), objects(), 1000, SECRET_A).get(0);
        assertRejected(() -> deliver(s, UUID.randomUUID()), "unknown-cluster");
        assertRejected(() -> intake.accept(new IncomingChunk("not-a-cluster", s.bytes(), s.signature(), "test")), "unknown-cluster");
        assertRejected(() -> intake.accept(new IncomingChunk(null, s.bytes(), s.signature(), "test")), "unknown-cluster");
        assertThat(notes).allMatch(n -> n.startsWith("- "));
        assertThat(staging.chunks).isEmpty();
    }

    @Test
    void rejectsCorruptChunkSignedByItsCluster() {
        byte[] garbage = "definitely not gzip".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> intake.accept(new IncomingChunk(CLUSTER_A.toString(), garbage, Fixtures.signature(garbage, SECRET_A), "t")),
                "undecodable");
        assertThat(notes).containsExactly(CLUSTER_A + " null undecodable");
    }

    @Test
    void rejectsOversizedChunk() {
        byte[] big = new byte[WireLimits.MAX_CHUNK_BYTES + 1];
        new Random(3).nextBytes(big);
        assertRejected(() -> intake.accept(new IncomingChunk(CLUSTER_A.toString(), big, Fixtures.signature(big, SECRET_A), "t")),
                "oversized");
    }

    @Test
    void rejectsUnknownSchemaVersion() {
        SnapshotChunk future = new SnapshotChunk(99, CLUSTER_A.toString(), UUID.randomUUID().toString(), 0, true, 0, "9.9",
                Instant.EPOCH, Fixtures.EKS, List.of());
        Signed s = Fixtures.sign(future, SECRET_A);
        assertRejected(() -> deliver(s, CLUSTER_A), "unknown-schema");
    }

    @Test
    void rejectsChunkThatNamesAnotherClusterThanItsKey() {
        // signed correctly by A, but the payload claims to be B's: the key decides, and they disagree
        Signed s = Fixtures.snapshot(CLUSTER_B.toString(), objects(), 1000, SECRET_A).get(0);
        assertRejected(() -> deliver(s, CLUSTER_A), "mismatched-cluster");
        assertThat(staging.chunks).isEmpty();
    }

    @Test
    void theNextGoodSnapshotIsAcceptedAfterRejections() {
        byte[] garbage = ChunkCodec.encode(new SnapshotChunk(1, CLUSTER_A.toString(), "no-uuid", 0, true, 0, "x", Instant.EPOCH, null, List.of()));
        assertRejected(() -> intake.accept(new IncomingChunk(CLUSTER_A.toString(), garbage, Fixtures.signature(garbage, SECRET_A), "t")),
                "undecodable");
        for (Signed s : Fixtures.snapshot(CLUSTER_A.toString(), objects(), 1000, SECRET_A)) deliver(s, CLUSTER_A);
        assertThat(scanned).hasSize(1);
    }

    private static void assertRejected(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(ChunkRejectedException.class).extracting("code").isEqualTo(code);
    }

    /** Same contract as the JDBC staging: idempotent per (snapshot, index), complete when 0..last are there. */
    static final class InMemoryStaging implements ChunkStaging {
        final Map<UUID, Set<Integer>> chunks = new HashMap<>();
        final Map<UUID, Integer> counts = new HashMap<>();
        final Map<UUID, UUID> tenantOf = new HashMap<>();
        final Set<UUID> done = new HashSet<>();

        @Override
        public Staged stage(UUID tenantId, UUID clusterId, SnapshotChunk chunk, byte[] rawValue) {
            UUID id = UUID.fromString(chunk.snapshotId());
            if (done.contains(id)) return Staged.ALREADY_DONE;
            tenantOf.put(id, tenantId);
            boolean added = chunks.computeIfAbsent(id, k -> new HashSet<>()).add(chunk.index());
            if (chunk.last()) counts.put(id, chunk.index() + 1);
            Integer count = counts.get(id);
            if (count != null && chunks.get(id).stream().filter(i -> i < count).count() == count) return Staged.COMPLETE;
            return added ? Staged.STAGED : Staged.DUPLICATE;
        }
    }
}
