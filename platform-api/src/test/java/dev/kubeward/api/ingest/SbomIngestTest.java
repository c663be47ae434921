package dev.kubeward.api.ingest;

import dev.kubeward.api.vuln.SbomUploads;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.db.cluster.ClusterCredentials.ClusterKey;
import dev.kubeward.db.tenancy.TenantContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SBOM ingest's checks without Spring: what is refused with which status, and that only the registration names the tenant. */
class SbomIngestTest {

    private static final UUID CLUSTER = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID TENANT = UUID.randomUUID();
    private static final byte[] SECRET = "kwcs_cluster-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_SECRET = "kwcs_other-secret".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    /** tenant in scope, tenant argument, actor — per stored SBOM */
    private final List<String> stored = new ArrayList<>();
    private final SbomIngest ingest = new SbomIngest(id -> Optional.ofNullable(Map.of(
            CLUSTER, new ClusterKey(TENANT, CLUSTER, SECRET),
            OTHER, new ClusterKey(UUID.randomUUID(), OTHER, OTHER_SECRET)).get(id)),
            (tenant, digest, document, actor) -> {
                stored.add(TenantContext.current().orElseThrow() + " " + tenant + " " + actor);
                return new SbomUploads.Uploaded(digest, "CycloneDX 1.5", 1, 1, true, true);
            });

    @Test
    void storesForTheTenantOfTheRegistration() {
        byte[] body = gzip(sbom(DIGEST));

        SbomIngest.Accepted accepted = ingest.accept(CLUSTER.toString(), ChunkSigner.sign(SECRET, body), DIGEST, body);

        assertThat(accepted.digest()).isEqualTo(DIGEST);
        assertThat(stored).containsExactly(TENANT + " " + TENANT + " agent:" + CLUSTER);
    }

    @Test
    void unknownClusterAndBadSignatureGetTheSameAnswer() {
        byte[] body = gzip(sbom(DIGEST));

        for (IngestRejected e : List.of(refused(CLUSTER.toString(), ChunkSigner.sign(OTHER_SECRET, body), DIGEST, body),
                refused(UUID.randomUUID().toString(), ChunkSigner.sign(SECRET, body), DIGEST, body),
                refused(CLUSTER.toString(), null, DIGEST, body), refused("cluster-1", ChunkSigner.sign(SECRET, body), DIGEST, body))) {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("bad-credential");
            assertThat(e.getMessage()).isEqualTo(SbomIngest.BAD_CREDENTIAL);
        }
        assertThat(stored).isEmpty();
    }

    @Test
    void refusesADigestTheDocumentDoesNotNameGarbageAndBombs() {
        byte[] other = gzip(sbom("sha256:" + "cd".repeat(32)));
        byte[] anonymous = gzip("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[]}".getBytes(StandardCharsets.UTF_8));
        byte[] notGzip = sbom(DIGEST);
        byte[] bomb = gzip(new byte[SbomIngest.MAX_BYTES + 1]);

        assertThat(refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, other), DIGEST, other).code()).isEqualTo("mismatched-digest");
        assertThat(refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, anonymous), DIGEST, anonymous).code()).isEqualTo("mismatched-digest");
        assertThat(refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, other), "latest", other).code()).isEqualTo("bad-digest");
        assertThat(refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, notGzip), DIGEST, notGzip).code()).isEqualTo("undecodable");
        IngestRejected tooBig = refused(CLUSTER.toString(), ChunkSigner.sign(SECRET, bomb), DIGEST, bomb);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(stored).isEmpty();
    }

    private IngestRejected refused(String cluster, String signature, String digest, byte[] body) {
        try {
            ingest.accept(cluster, signature, digest, body);
        } catch (IngestRejected e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    static byte[] sbom(String digest) {
        return ("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"metadata\":{\"component\":{\"type\":\"container\",\"name\":\"app\","
                + "\"version\":\"" + digest + "\"}},\"components\":[{\"type\":\"library\",\"name\":\"left-pad\",\"version\":\"1.3.0\","
                + "\"purl\":\"pkg:npm/left-pad@1.3.0\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void refusesOversizedBodiesBeforeCheckingAnything() {
        assertThatThrownBy(() -> ingest.accept(CLUSTER.toString(), "x", DIGEST, new byte[SbomIngest.MAX_BYTES + 1]))
                .isInstanceOf(IngestRejected.class).hasMessageContaining("exceeds");
    }
}
