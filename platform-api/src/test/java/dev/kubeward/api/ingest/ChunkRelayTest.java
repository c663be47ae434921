package dev.kubeward.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.SnapshotChunk;
import dev.kubeward.contract.Uuid7;
import dev.kubeward.contract.WireLimits;
import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay's checks without Spring or Kafka: what is refused, with which status, and that refusals forward nothing. */
class ChunkRelayTest {

    private static final UUID CLUSTER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final byte[] SECRET = "kwcs_cluster-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_SECRET = "kwcs_other-secret".getBytes(StandardCharsets.UTF_8);

    private final List<byte[]> forwarded = new ArrayList<>();
    private final ChunkRelay relay = new ChunkRelay(id -> Optional.ofNullable(Map.of(
            CLUSTER, new ClusterKey(UUID.randomUUID(), CLUSTER, SECRET),
            OTHER, new ClusterKey(UUID.randomUUID(), OTHER, OTHER_SECRET)).get(id)),
            (cluster, version, signature, chunk) -> forwarded.add(chunk));

    @Test
    void forwardsAChunkSignedWithTheClustersSecret() {
        byte[] chunk = chunk(CLUSTER, 1);

        ChunkRelay.Relayed relayed = relay.relay(CLUSTER.toString(), ChunkSigner.sign(SECRET, chunk), chunk);

        assertThat(relayed.index()).isZero();
        assertThat(relayed.last()).isTrue();
        assertThat(forwarded).containsExactly(chunk);
    }

    @Test
    void unknownClusterAndBadSignatureGetTheSameAnswer() {
        byte[] chunk = chunk(CLUSTER, 1);

        IngestRejected badSignature = refused(CLUSTER.toString(), ChunkSigner.sign(OTHER_SECRET, chunk), chunk);
        IngestRejected unknown = refused(UUID.randomUUID().toString(), ChunkSigner.sign(SECRET, chunk), chunk);
        IngestRejected noSignature = refused(CLUSTER.toString(), null, chunk);
        IngestRejected notAnId = refused("cluster-1", ChunkSigner.sign(SECRET, chunk), chunk);

        for (IngestRejected e : List.of(badSignature, unknown, noSignature, notAnId)) {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("bad-credential");
            assertThat(e.getMessage()).isEqualTo(ChunkRelay.BAD_CREDENTIAL);
        }
        assertThat(forwarded).isEmpty();
    }

    @Test
    void rejectsChunkSignedByAnotherClusterForThatCluster() {
        // validly signed by OTHER, but the payload claims CLUSTER: the worker would dead-letter it
        byte[] chunk = chunk(CLUSTER, 1);

        IngestRejected e = refused(OTHER.toString(), ChunkSigner.sign(OTHER_SECRET, chunk), chunk);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("mismatched-cluster");
        assertThat(forwarded).isEmpty();
    }

    @Test
    void refusesGarbageWith400() {
        byte[] garbage = "{\"not\":\"gzip\"}".getBytes(StandardCharsets.UTF_8);

        IngestRejected e = refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, garbage), garbage);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("undecodable");
        assertThat(forwarded).isEmpty();
    }

    @Test
    void refusesAnUnknownSchemaVersionWith400() {
        byte[] future = ChunkCodec.encode(new SnapshotChunk(SnapshotChunk.SCHEMA_VERSION + 1, CLUSTER.toString(), Uuid7.next().toString(),
                0, true, 0, "9.0", Instant.now(), null, List.of()));

        IngestRejected e = refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, future), future);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("unknown-schema");
    }

    @Test
    void refusesOversizedChunksAndCompressionBombsWith413() {
        byte[] oversized = new byte[WireLimits.MAX_CHUNK_BYTES + 1];
        new Random(7).nextBytes(oversized);
        byte[] bomb = gzipOfZeros(WireLimits.MAX_DECOMPRESSED_BYTES + 1);
        assertThat(bomb.length).isLessThan(WireLimits.MAX_CHUNK_BYTES);

        IngestRejected big = refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, oversized), oversized);
        IngestRejected exploding = refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, bomb), bomb);

        assertThat(big.status()).isEqualTo(413);
        assertThat(exploding.status()).isEqualTo(413);
        assertThat(exploding.code()).isEqualTo("oversized");
        assertThat(forwarded).isEmpty();
    }

    private IngestRejected refused(String cluster, String signature, byte[] body) {
        return (IngestRejected) assertThatThrownBy(() -> relay.relay(cluster, signature, body))
                .isInstanceOf(IngestRejected.class).actual();
    }

    static byte[] chunk(UUID cluster, int objects) {
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < objects; i++) {
            items.add(ChunkCodec.mapper().createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap")
                    .set("metadata", ChunkCodec.mapper().createObjectNode().put("name", "cm-" + i).put("namespace", "default")));
        }
        return ChunkCodec.encode(new SnapshotChunk(SnapshotChunk.SCHEMA_VERSION, cluster.toString(), Uuid7.next().toString(), 0, true,
                items.size(), "0.1.0-test", Instant.parse("2026-11-26T12:00:00Z"), new ClusterMetadata("eks", "EKS", "v1.29.3", 3), items));
    }

    private static byte[] gzipOfZeros(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int left = n; left > 0; left -= zeros.length) gz.write(zeros, 0, Math.min(left, zeros.length));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
