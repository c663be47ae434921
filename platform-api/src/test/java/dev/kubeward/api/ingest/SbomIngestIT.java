package dev.kubeward.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.agent.image.analyse.Package;
import dev.kubeward.agent.image.analyse.Purl;
import dev.kubeward.agent.image.sbom.CycloneDxWriter;
import dev.kubeward.agent.image.sbom.SbomSender;
import dev.kubeward.agent.publish.Backoff;
import dev.kubeward.agent.publish.ClusterCredential;
import dev.kubeward.agent.publish.PublishException;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.contract.ChunkSigner;
import dev.kubeward.contract.Headers;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent's SBOM sender → {@code POST /ingest/v1/sboms} → the SBOM store of the cluster's tenant, on the real database. */
@KubewardIT
class SbomIngestIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;

    private final HttpClient http = HttpClient.newHttpClient();
    private UUID tenant;
    private UUID otherTenant;
    private ClusterCredential cluster;
    private ClusterCredential otherCluster;

    @BeforeEach
    void registerClusters() {
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        tenant = fixtures.tenant("sbom-ingest").id();
        otherTenant = fixtures.tenant("sbom-ingest-other").id();
        cluster = register(tenant, "scanning");
        otherCluster = register(otherTenant, "other");
    }

    @Test
    void theAgentsSbomIsStoredUnderItsClustersTenant() {
        String digest = randomDigest();
        SbomSender agent = new SbomSender(URI.create("http://127.0.0.1:" + port), cluster, Backoff.DEFAULT, Duration.ofSeconds(30), true);

        agent.send(digest, sbom(digest));

        assertThat(stored(tenant, digest)).containsExactly(Map.of("uploaded_by", "agent:" + cluster.clusterId(), "components", 2,
                "format", "CycloneDX 1.5"));
        assertThat(stored(otherTenant, digest)).isEmpty();
        assertThat(TenantContext.callAs(tenant, () -> jdbc.queryForList(
                "SELECT purl FROM image_components WHERE tenant_id = ? AND digest = ? ORDER BY idx", String.class, tenant, digest)))
                .containsExactly("pkg:deb/debian/libssl3@3.0.15-1~deb12u1", "pkg:npm/left-pad@1.3.0");
    }

    @Test
    void anotherClustersSecretGets401AndNothingIsStoredInEitherTenant() throws Exception {
        String digest = randomDigest();
        byte[] body = SbomIngestTest.gzip(sbom(digest));

        HttpResponse<String> forged = post(cluster.clusterId(), ChunkSigner.sign(otherCluster.secretBytes(), body), digest, body);
        HttpResponse<String> unknown = post(UUID.randomUUID().toString(), ChunkSigner.sign(cluster.secretBytes(), body), digest, body);

        for (HttpResponse<String> r : List.of(forged, unknown)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("bad-credential");
        }
        // no oracle: an unknown cluster and a known one with a wrong signature look the same
        assertThat(((ObjectNode) JSON.readTree(unknown.body())).without("instance").toString())
                .isEqualTo(((ObjectNode) JSON.readTree(forged.body())).without("instance").toString());
        assertThat(stored(tenant, digest)).isEmpty();
        assertThat(stored(otherTenant, digest)).isEmpty();
        SbomSender rotatedAway = new SbomSender(URI.create("http://127.0.0.1:" + port), new ClusterCredential(cluster.clusterId(), "kwcs_old"),
                Backoff.DEFAULT, Duration.ofSeconds(30), true);
        assertThatThrownBy(() -> rotatedAway.send(digest, sbom(digest))).isInstanceOf(PublishException.class).hasMessageContaining("401");
    }

    @Test
    void aDigestHeaderTheDocumentDoesNotNameIsRefused() throws Exception {
        String digest = randomDigest();
        String other = randomDigest();
        byte[] body = SbomIngestTest.gzip(sbom(digest));

        HttpResponse<String> r = post(cluster.clusterId(), ChunkSigner.sign(cluster.secretBytes(), body), other, body);

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("code").asText()).isEqualTo("mismatched-digest");
        assertThat(stored(tenant, other)).isEmpty();
        assertThat(stored(tenant, digest)).isEmpty();
    }

    private List<Map<String, Object>> stored(UUID t, String digest) {
        return TenantContext.callAs(t, () -> jdbc.queryForList("SELECT uploaded_by, components, format FROM image_sboms WHERE digest = ?", digest));
    }

    private static byte[] sbom(String digest) {
        return new CycloneDxWriter().write(new CycloneDxWriter.Subject("registry.example.com/shop/api", digest, digest, null, "Debian GNU/Linux 12"),
                List.of(new Package("left-pad", "1.3.0", Purl.of("npm", null, "left-pad", "1.3.0"), "app/node_modules/left-pad/package.json"),
                        new Package("libssl3", "3.0.15-1~deb12u1", new Purl("deb", "debian", "libssl3", "3.0.15-1~deb12u1",
                                Map.of("arch", "amd64", "distro", "debian-12", "upstream", "openssl")), "var/lib/dpkg/status")));
    }

    private ClusterCredential register(UUID tenantId, String name) {
        ClusterCredentials.IssuedCredential issued = TenantContext.callAs(tenantId, () -> clusters.register(name, "eks"));
        return new ClusterCredential(issued.clusterId().toString(), issued.secret());
    }

    private HttpResponse<String> post(String clusterId, String signature, String digest, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SbomSender.PATH))
                .header("Content-Type", "application/octet-stream")
                .header(Headers.HTTP_CLUSTER_ID, clusterId)
                .header(Headers.HTTP_SIGNATURE, signature)
                .header(SbomIngest.IMAGE_DIGEST_HEADER, digest)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String randomDigest() {
        return "sha256:" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }
}
