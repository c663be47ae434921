package dev.kubeward.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotChunkerTest {

    private static final ClusterMetadata META = new ClusterMetadata("eks", "EKS", "v1.29.3-eks-1", 3);

    private static JsonNode configMap(int i, int payloadChars, Random random) {
        ObjectNode o = ChunkCodec.mapper().createObjectNode();
        o.put("apiVersion", "v1").put("kind", "ConfigMap");
        o.putObject("metadata").put("name", "cm-" + i).put("namespace", "ns-" + (i % 7));
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < payloadChars; c++) sb.append((char) ('a' + random.nextInt(26))); // incompressible-ish
        o.putObject("data").put("blob", sb.toString());
        return o;
    }

    @Test
    void splitsIntoChunksUnderTheLimitKeepingOrderAndFlaggingOnlyTheLast() {
        List<SnapshotChunker.EncodedChunk> out = new ArrayList<>();
        SnapshotChunker chunker = new SnapshotChunker("c1", "s1", "0.1.0", Instant.EPOCH, META, out::add, o -> { }, 64 * 1024);
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) chunker.add(configMap(i, 2_000, random));
        int sent = chunker.finish();

        assertThat(sent).isEqualTo(400);
        assertThat(out).hasSizeGreaterThan(5);
        assertThat(out).allSatisfy(c -> assertThat(c.bytes().length).isLessThanOrEqualTo(64 * 1024));
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).chunk().index()).isEqualTo(i);
            assertThat(out.get(i).chunk().last()).isEqualTo(i == out.size() - 1);
        }
        List<String> names = out.stream().flatMap(c -> ChunkCodec.decode(c.bytes()).objects().stream())
                .map(o -> o.path("metadata").path("name").asText()).toList();
        assertThat(names).hasSize(400).startsWith("cm-0", "cm-1").endsWith("cm-399");
    }

    @Test
    void anEmptySnapshotIsOneEmptyLastChunk() {
        List<SnapshotChunker.EncodedChunk> out = new ArrayList<>();
        new SnapshotChunker("c1", "s1", "0.1.0", Instant.EPOCH, META, out::add, o -> { }).finish();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).chunk().last()).isTrue();
        assertThat(out.get(0).chunk().objects()).isEmpty();
    }

    @Test
    void anObjectTooLargeForAnyChunkIsReportedNotSent() {
        List<SnapshotChunker.EncodedChunk> out = new ArrayList<>();
        List<JsonNode> oversized = new ArrayList<>();
        SnapshotChunker chunker = new SnapshotChunker("c1", "s1", "0.1.0", Instant.EPOCH, META, out::add, oversized::add, 16 * 1024);
        Random random = new Random(1);
        chunker.add(configMap(1, 100, random));
        chunker.add(configMap(2, 60_000, random));
        chunker.add(configMap(3, 100, random));
        assertThat(chunker.finish()).isEqualTo(2);
        assertThat(oversized).extracting(o -> o.path("metadata").path("name").asText()).containsExactly("cm-2");
    }

    @Test
    void signatureVerifiesOnlyWithTheSameSecretAndBytes() {
        byte[] value = "chunk".getBytes(StandardCharsets.UTF_8);
        byte[] secret = "s3cr3t-of-cluster-a".getBytes(StandardCharsets.UTF_8);
        String sig = ChunkSigner.sign(secret, value);
        assertThat(ChunkSigner.verify(secret, value, sig)).isTrue();
        assertThat(ChunkSigner.verify("other-cluster".getBytes(StandardCharsets.UTF_8), value, sig)).isFalse();
        assertThat(ChunkSigner.verify(secret, "chunk!".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(ChunkSigner.verify(secret, value, null)).isFalse();
    }

    @Test
    void decodeRejectsGarbageOversizedAndUnknownSchema() {
        assertThatThrownBy(() -> ChunkCodec.decode("not gzip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ChunkRejectedException.class).extracting("code").isEqualTo("undecodable");
        assertThatThrownBy(() -> ChunkCodec.decode(new byte[WireLimits.MAX_CHUNK_BYTES + 1]))
                .isInstanceOf(ChunkRejectedException.class).extracting("code").isEqualTo("oversized");
        SnapshotChunk future = new SnapshotChunk(99, "c", "s", 0, true, 0, "x", Instant.EPOCH, META, List.of());
        assertThatThrownBy(() -> ChunkCodec.decode(ChunkCodec.encode(future)))
                .isInstanceOf(ChunkRejectedException.class).extracting("code").isEqualTo("unknown-schema");
    }

    @Test
    void decodeRejectsACompressionBomb() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write("{\"schemaVersion\":1,\"pad\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            java.util.Arrays.fill(zeros, (byte) 'a');
            for (int i = 0; i < 70; i++) gz.write(zeros);
        }
        assertThat(bytes.size()).isLessThan(WireLimits.MAX_CHUNK_BYTES);
        assertThatThrownBy(() -> ChunkCodec.decode(bytes.toByteArray()))
                .isInstanceOf(ChunkRejectedException.class).extracting("code").isEqualTo("oversized");
    }

    @Test
    void uuid7IsVersion7AndTimeOrdered() throws InterruptedException {
        var a = Uuid7.next();
        Thread.sleep(2);
        var b = Uuid7.next();
        assertThat(a.version()).isEqualTo(7);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(a.toString().compareTo(b.toString())).isNegative();
    }
}
