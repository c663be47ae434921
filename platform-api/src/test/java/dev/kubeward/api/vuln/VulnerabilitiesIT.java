package dev.kubeward.api.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.security.TenantAuthentication;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Image vulnerabilities end to end on PostgreSQL: advisories imported from the engine's fixture bundle (re-import changes
 * nothing), an SBOM uploaded for one digest that 50 workloads in 3 clusters run (analysed once), the expected CVEs matched,
 * buckets from our own exposure findings, C-0083/84/85 written as findings, exports, and tenant isolation.
 */
@KubewardIT
class VulnerabilitiesIT {

    /** The digest the engine's Trivy CycloneDX fixture describes. */
    static final String DIGEST = "sha256:0d4e4b4c1e5a1f4c5f0b1b0b1a0d6c1a2b3c4d5e6f708192a3b4c5d6e7f80912";
    static final Path FIXTURES = Path.of("../scan-worker/engine/src/test/resources/vuln");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired VulnerabilityRefresh refresh;
    @Autowired WebApplicationContext context;

    ApiClient api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void reimportOfTheSameBundleChangesNothing() throws Exception {
        TestTenant admin = new TenantFixtures(jdbc, tokens, clusters).tenant("vuln-import");
        HttpResponse<String> first = post("/api/v1/advisories/import", admin.token(Role.ADMIN), "application/zip", bundle());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode again = json(post("/api/v1/advisories/import", admin.token(Role.ADMIN), "application/zip", bundle()).body());

        assertThat(again.path("added").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(10);
        assertThat(again.path("changed").asBoolean()).isFalse();
        assertThat(again.path("kev").asText()).isEqualTo("unchanged");
        assertThat(again.path("generation").asLong()).isEqualTo(json(first.body()).path("generation").asLong());
        assertThat(post("/api/v1/advisories/import", admin.token(Role.ANALYST), "application/zip", bundle()).statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/advisories/import", admin.token(Role.ADMIN), "application/zip", "not a zip".getBytes()).statusCode())
                .isIn(200, 400); // an empty or unreadable zip imports nothing; it never fails with 500
    }

    @Test
    void oneDigestInFiftyWorkloadsAcrossThreeClustersIsAnalysedOnceAndPrioritisedPerWorkload() throws Exception {
        TestTenant a = new TenantFixtures(jdbc, tokens, clusters).tenant("vuln-a");
        post("/api/v1/advisories/import", a.token(Role.ADMIN), "application/zip", bundle());
        // C-0085 thresholds from the tenant's control inputs: 1 critical > 0
        TenantContext.runAsSystem("test: control inputs", () -> jdbc.update(
                "UPDATE tenants SET settings = '{\"controlInputs\":{\"max_critical_vulnerabilities\":[\"0\"],\"max_high_vulnerabilities\":[\"10\"]}}' WHERE id = ?",
                a.id()));
        List<UUID> cs = List.of(a.clusterId(), register(a, "second"), register(a, "third"));
        int n = 0;
        for (int c = 0; c < 3; c++) {
            UUID scan = scan(a.id(), cs.get(c));
            for (int i = 0; i < (c == 2 ? 16 : 17); i++) deployment(a.id(), cs.get(c), "app-" + n++);
            if (c == 0) exposure(a.id(), cs.get(c), scan, "app-0");
        }
        assertThat(n).isEqualTo(50);
        for (UUID c : cs) refresh.handle(event(a.id(), c));

        HttpResponse<String> upload = post("/api/v1/images/" + DIGEST + "/sbom", a.token(Role.ANALYST), "application/vnd.cyclonedx+json",
                Files.readAllBytes(FIXTURES.resolve("sbom/trivy-cyclonedx-1.5.json")));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(json(upload.body()).path("analysed").asBoolean()).isTrue();
        for (UUID c : cs) refresh.handle(event(a.id(), c));
        assertThat(post("/api/v1/images/" + DIGEST + "/sbom", a.token(Role.ANALYST), "application/json",
                Files.readAllBytes(FIXTURES.resolve("sbom/trivy-cyclonedx-1.5.json"))).body()).contains("\"changed\":false");

        assertThat(TenantContext.callAs(a.id(), () -> jdbc.queryForObject(
                "SELECT analyses FROM image_sboms WHERE tenant_id = ? AND digest = ?", Integer.class, a.id(), DIGEST))).isEqualTo(1);

        JsonNode list = api.get("/api/v1/images", a.token(Role.VIEWER)).json();
        assertThat(list).hasSize(1);
        JsonNode image = list.get(0);
        assertThat(image.path("digest").asText()).isEqualTo(DIGEST);
        assertThat(image.path("workloads").asInt()).isEqualTo(50);
        assertThat(image.path("clusters")).hasSize(3);
        assertThat(image.path("cves").path("critical").asInt()).isEqualTo(1);
        assertThat(image.path("cves").path("high").asInt()).isEqualTo(2);

        JsonNode detail = api.get("/api/v1/images/" + DIGEST, a.token(Role.VIEWER)).json();
        List<String> cves = new ArrayList<>();
        detail.path("vulnerabilities").forEach(v -> cves.add(v.path("cve").asText() + "@" + v.path("fixedVersion").asText()));
        assertThat(cves).containsExactlyInAnyOrder("CVE-2021-44228@2.15.0", "CVE-2023-5363@3.0.11-1~deb12u2", "CVE-2020-8203@4.17.19");
        assertThat(detail.path("upgrades").get(0).path("pkg").asText()).isEqualTo("org.apache.logging.log4j:log4j-core");

        JsonNode log4shell = api.get("/api/v1/cves/CVE-2021-44228", a.token(Role.VIEWER)).json();
        assertThat(log4shell.path("workloads")).hasSize(50);
        JsonNode first = log4shell.path("workloads").get(0);
        assertThat(first.path("name").asText()).isEqualTo("app-0");
        assertThat(first.path("bucket").asText()).isEqualTo("act-now");
        assertThat(first.path("reasons").get(0).asText()).contains("known exploited and the workload is exposed to the internet");
        assertThat(log4shell.path("buckets").path("plan").asInt()).isEqualTo(49);

        JsonNode summary = api.get("/api/v1/vulnerabilities/summary", a.token(Role.VIEWER)).json();
        assertThat(summary.path("pairs").path("actNow").asInt()).isEqualTo(1);
        assertThat(summary.path("pairs").path("actNow").asInt() + summary.path("pairs").path("plan").asInt()
                + summary.path("pairs").path("watch").asInt()).isEqualTo(150);

        assertThat(openFindings(a.id(), "C-0083")).containsExactly(cs.get(0) + "/app-0");
        assertThat(openFindings(a.id(), "C-0084")).containsExactly(cs.get(0) + "/app-0");
        assertThat(openFindings(a.id(), "C-0085")).hasSize(50);
        assertThat(TenantContext.callAs(a.id(), () -> jdbc.queryForObject("""
                SELECT s.status || ' ' || s.failed || '/' || s.passed FROM scan_control_summaries s JOIN clusters c ON c.last_scan_id = s.scan_id
                 WHERE c.id = ? AND s.control_id = 'C-0083'""", String.class, cs.get(0)))).isEqualTo("failed 1/16");

        // the exposure goes away: C-0083 and C-0084 resolve, the workload drops out of "act now"
        TenantContext.runAs(a.id(), () -> jdbc.update("UPDATE findings SET status = 'resolved' WHERE tenant_id = ? AND control_id = 'C-0256'", a.id()));
        refresh.handle(event(a.id(), cs.get(0)));
        assertThat(openFindings(a.id(), "C-0083")).isEmpty();
        assertThat(api.get("/api/v1/vulnerabilities/summary", a.token(Role.VIEWER)).json().path("pairs").path("actNow").asInt()).isZero();

        ApiClient.Response csv = api.get("/api/v1/vulnerabilities/export?format=csv", a.token(Role.VIEWER));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("digest,references,cve,").contains("CVE-2021-44228").contains("GHSA-jfh8-c2jp-5v3q");
        JsonNode sarif = api.get("/api/v1/vulnerabilities/export?format=sarif&digest=" + DIGEST, a.token(Role.VIEWER)).json();
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").get(0).path("results")).hasSize(3);

        // the pages render the same data, with buckets and reasons
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        RequestPostProcessor viewer = authentication(new TenantAuthentication(new KubewardPrincipal(KubewardPrincipal.Kind.USER, a.id(), a.slug(),
                "Tenant A", Role.VIEWER, a.user(Role.VIEWER).id(), null, a.user(Role.VIEWER).email(), "Viewer"), null));
        assertThat(page(mvc, viewer, "/vulnerabilities")).contains("registry.example/app:1.0").contains("Noise removed").contains("1 / 1");
        assertThat(page(mvc, viewer, "/vulnerabilities/images/" + DIGEST)).contains("CVE-2021-44228").contains("Upgrade")
                .contains("org.apache.logging.log4j:log4j-core");
        assertThat(page(mvc, viewer, "/vulnerabilities/cves/CVE-2021-44228")).contains("plan: known exploited, but the workload is neither exposed nor elevated")
                .contains("in CISA KEV since 2021-12-10");

        // tenant B sees none of A's images, SBOMs or CVEs
        TestTenant b = new TenantFixtures(jdbc, tokens, clusters).tenant("vuln-b");
        assertThat(api.get("/api/v1/images", b.token(Role.VIEWER)).json()).isEmpty();
        assertThat(api.get("/api/v1/images/" + DIGEST, b.token(Role.VIEWER)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cves/CVE-2021-44228", b.token(Role.VIEWER)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/vulnerabilities/export?format=csv", b.token(Role.VIEWER)).body().lines().count()).isEqualTo(1);
        assertThat(TenantContext.callAs(b.id(), () -> jdbc.queryForObject("SELECT count(*) FROM image_sboms", Integer.class))).isZero();
    }

    @Test
    void badSbomsAreRefusedWithAReason() throws Exception {
        TestTenant t = new TenantFixtures(jdbc, tokens, clusters).tenant("vuln-bad");
        String analyst = t.token(Role.ANALYST);
        assertProblem(post("/api/v1/images/" + DIGEST + "/sbom", analyst, "application/json", "{not json".getBytes()), 400, "not valid JSON");
        assertProblem(post("/api/v1/images/" + DIGEST + "/sbom", analyst, "application/json", "{\"hello\":1}".getBytes()), 400, "CycloneDX");
        assertProblem(post("/api/v1/images/latest/sbom", analyst, "application/json", "{}".getBytes()), 400, "sha256:");
        String other = "sha256:" + "a".repeat(64);
        assertProblem(post("/api/v1/images/" + other + "/sbom", analyst, "application/json",
                Files.readAllBytes(FIXTURES.resolve("sbom/trivy-cyclonedx-1.5.json"))), 400, "describes image " + DIGEST);
        assertThat(post("/api/v1/images/" + DIGEST + "/sbom", t.token(Role.VIEWER), "application/json", "{}".getBytes()).statusCode()).isEqualTo(403);
        HttpResponse<String> spdx = post("/api/v1/images/sha256:aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00ee11ff22aa33bb44cc55dd66/sbom", analyst,
                "application/spdx+json", Files.readAllBytes(FIXTURES.resolve("sbom/syft-spdx-2.3.json")));
        assertThat(spdx.statusCode()).as(spdx.body()).isEqualTo(200);
        assertThat(json(spdx.body()).path("format").asText()).startsWith("SPDX");
    }

    private static String page(MockMvc mvc, RequestPostProcessor who, String path) throws Exception {
        MvcResult r = mvc.perform(MockMvcRequestBuilders.get(path).with(who)).andReturn();
        assertThat(r.getResponse().getStatus()).as(path + ": " + r.getResponse().getContentAsString()).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private void assertProblem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(r.body()).path("detail").asText()).contains(detail);
    }

    // ---- fixtures

    private UUID register(TestTenant t, String name) {
        return TenantContext.callAs(t.id(), () -> clusters.register(name + "-" + t.slug(), "gke")).clusterId();
    }

    private UUID scan(UUID tenant, UUID cluster) {
        UUID scan = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> {
            jdbc.update("""
                    INSERT INTO scans (id, tenant_id, cluster_id, snapshot_id, scanned_at, object_count, library_version)
                    VALUES (?, ?, ?, ?, now(), 0, 'test')""", scan, tenant, cluster, UUID.randomUUID());
            jdbc.update("UPDATE clusters SET last_scan_id = ? WHERE tenant_id = ? AND id = ?", scan, tenant, cluster);
            for (String control : VulnControls.IDS) {
                jdbc.update("""
                        INSERT INTO scan_control_summaries (tenant_id, scan_id, cluster_id, control_id, status, failed, passed, scanned_at)
                        VALUES (?, ?, ?, ?, 'requires-external-data', 0, 0, now())""", tenant, scan, cluster, control);
            }
        });
        return scan;
    }

    private void deployment(UUID tenant, UUID cluster, String name) {
        String rs = name + "-5f7c";
        resource(tenant, cluster, "apps/v1", "Deployment", name, """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%s","namespace":"shop"},
                 "spec":{"template":{"spec":{"containers":[{"name":"app","image":"registry.example/app:1.0"}]}}}}""".formatted(name));
        resource(tenant, cluster, "apps/v1", "ReplicaSet", rs, """
                {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"%s","namespace":"shop",
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"%s","controller":true}]},
                 "spec":{"template":{"spec":{"containers":[{"name":"app","image":"registry.example/app:1.0"}]}}}}""".formatted(rs, name));
        resource(tenant, cluster, "v1", "Pod", rs + "-x1", """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s-x1","namespace":"shop",
                 "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"%s","controller":true}]},
                 "spec":{"containers":[{"name":"app","image":"registry.example/app:1.0"}]},
                 "status":{"containerStatuses":[{"name":"app","imageID":"registry.example/app@%s"}]}}""".formatted(rs, rs, DIGEST));
    }

    private void resource(UUID tenant, UUID cluster, String apiVersion, String kind, String name, String body) {
        Timestamp now = Timestamp.from(Instant.now());
        TenantContext.runAs(tenant, () -> jdbc.update("""
                INSERT INTO resources (tenant_id, cluster_id, api_version, kind, namespace, name, body, body_hash, first_seen, last_seen, changed_at)
                VALUES (?, ?, ?, ?, 'shop', ?, ?::jsonb, ?, ?, ?, ?)""", tenant, cluster, apiVersion, kind, name, body, new byte[32], now, now, now));
    }

    private void exposure(UUID tenant, UUID cluster, UUID scan, String deployment) {
        TenantContext.runAs(tenant, () -> jdbc.update("""
                INSERT INTO findings (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status, first_seen, last_seen,
                                      last_scan_id)
                VALUES (?, ?, 'C-0256', 'apps/v1', 'Deployment', 'shop', ?, 'high', 'open', now(), now(), ?)""", tenant, cluster, deployment, scan));
    }

    private List<String> openFindings(UUID tenant, String control) {
        return TenantContext.callAs(tenant, () -> jdbc.queryForList("""
                SELECT cluster_id || '/' || name FROM findings WHERE tenant_id = ? AND control_id = ? AND status = 'open' ORDER BY 1""",
                String.class, tenant, control));
    }

    private static JsonNode event(UUID tenant, UUID cluster) {
        return ChunkCodec.mapper().createObjectNode().put("type", "scan-completed").put("tenantId", tenant.toString())
                .put("clusterId", cluster.toString());
    }

    /** The engine's OSV fixture bundle with its KEV and EPSS files, as one zip. */
    static byte[] bundle() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.walk(FIXTURES.resolve("osv/bundle"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) add(zip, "osv/" + FIXTURES.resolve("osv/bundle").relativize(f), f);
            add(zip, "known_exploited_vulnerabilities.json", FIXTURES.resolve("feed/kev.json"));
            add(zip, "epss_scores.csv", FIXTURES.resolve("feed/epss.csv"));
        }
        return out.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        ZipEntry e = new ZipEntry(name.replace('\\', '/'));
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
    }

    private HttpResponse<String> post(String path, String bearer, String contentType, byte[] body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", contentType).header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        try {
            return ChunkCodec.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
