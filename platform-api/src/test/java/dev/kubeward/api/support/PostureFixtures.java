package dev.kubeward.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.exception.ScanFixtures;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.evaluation.SkippedInput;
import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.worker.finding.ScanOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A tenant with real posture data, made through the same paths as production: a scan of demo manifests recorded by
 * the worker's recorder (findings, summaries, scores, resources, RBAC objects), and through the API an approved and a
 * pending exception, a CIS report, a custom control, an alert target and rule, a report schedule and, if asked, an
 * SBOM. Names that must be recognisable in a response carry the tenant's unique slug.
 */
public final class PostureFixtures {

    /** The digest the engine's Trivy CycloneDX fixture describes (an SBOM is accepted only for the image it names). */
    public static final String SBOM_DIGEST = "sha256:0d4e4b4c1e5a1f4c5f0b1b0b1a0d6c1a2b3c4d5e6f708192a3b4c5d6e7f80912";
    static final Path SBOM = Path.of("../scan-worker/engine/src/test/resources/vuln/sbom/trivy-cyclonedx-1.5.json");

    /** What was made. {@code rbacSubject} is a ServiceAccount bound to cluster-admin, unique to the tenant. */
    public record Posture(TestTenant tenant, ScanOutcome scan, List<Long> findingIds, UUID approvedException, UUID pendingException,
                          String exceptionName, UUID reportId, UUID customControlId, String customControlName, UUID alertTargetId,
                          UUID alertRuleId, UUID scheduleId, String rbacSubject, String imageDigest) {
    }

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager txManager;
    private final ApiClient api;
    private final int port;

    public PostureFixtures(JdbcTemplate jdbc, PlatformTransactionManager txManager, int port) {
        this.jdbc = jdbc;
        this.txManager = txManager;
        this.port = port;
        this.api = new ApiClient(port);
    }

    public Posture posture(TestTenant t, boolean withSbom) {
        String sa = "audit-bot-" + t.slug();
        List<KubeObject> objects = new ArrayList<>(ScanFixtures.manifests("demo/common/online-boutique.yaml", "demo/extra/payments-api.yaml"));
        objects.addAll(yaml("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: %1$s, namespace: kube-system}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: cluster-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
                rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}, {nonResourceURLs: ["*"], verbs: ["*"]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: %1$s-admin}
                subjects: [{kind: ServiceAccount, name: %1$s, namespace: kube-system}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                """.formatted(sa)));
        ScanOutcome scan = new ScanFixtures(jdbc, txManager).scan(t.id(), t.clusterId(), objects);
        List<Long> findings = TenantContext.callAs(t.id(), () -> jdbc.queryForList(
                "SELECT id FROM findings WHERE tenant_id = ? ORDER BY id", Long.class, t.id()));
        String control = TenantContext.callAs(t.id(), () -> jdbc.queryForObject(
                "SELECT control_id FROM findings WHERE tenant_id = ? AND status = 'open' ORDER BY control_id LIMIT 1", String.class, t.id()));

        String exceptionName = "Accepted risk of " + t.slug();
        UUID approved = exception(t, exceptionName, control);
        ok(api.send("POST", "/api/v1/exceptions/" + approved + "/approve", t.token(Role.ADMIN), null), 200);
        UUID pending = exception(t, "Pending review of " + t.slug(), control);

        JsonNode report = ok(api.send("POST", "/api/v1/reports", t.token(Role.ANALYST),
                "{\"framework\": \"cis-v1.12.0\", \"scope\": {\"clusters\": [\"" + t.clusterId() + "\"]}}"), 201);
        String customName = "Labelled workloads of " + t.slug();
        JsonNode custom = ok(api.send("POST", "/api/v1/custom-controls", t.token(Role.ANALYST), """
                {"slug": "labels-%s", "name": "%s", "severity": "low", "matchKinds": ["Deployment"],
                 "expression": "has(object.metadata.labels)"}""".formatted(t.slug(), customName)), 201);
        JsonNode target = ok(api.send("POST", "/api/v1/alerts/targets", t.token(Role.ADMIN),
                "{\"name\": \"soc-" + t.slug() + "\", \"kind\": \"webhook\", \"url\": \"http://127.0.0.1:9/hook\"}"), 201);
        UUID targetId = UUID.fromString(target.path("target").path("id").asText());
        JsonNode rule = ok(api.send("POST", "/api/v1/alerts/rules", t.token(Role.ADMIN),
                "{\"name\": \"high-" + t.slug() + "\", \"kind\": \"new-findings\", \"severity\": \"high\", \"targetId\": \"" + targetId + "\"}"), 201);
        // far in the future: the scheduler running in the background must not fire it during a test
        JsonNode schedule = ok(api.send("POST", "/api/v1/reports/schedules", t.token(Role.ANALYST), """
                {"name": "weekly-%s", "framework": "cis-v1.12.0", "everyDays": 7, "periodDays": 30, "firstRunAt": "%s"}"""
                .formatted(t.slug(), Instant.now().plusSeconds(30L * 86400))), 201);
        String digest = null;
        if (withSbom) {
            uploadSbom(t);
            digest = SBOM_DIGEST;
        }
        return new Posture(t, scan, findings, approved, pending, exceptionName, UUID.fromString(report.path("id").asText()),
                UUID.fromString(custom.path("id").asText()), customName, targetId, UUID.fromString(rule.path("id").asText()),
                UUID.fromString(schedule.path("id").asText()), sa, digest);
    }

    private UUID exception(TestTenant t, String name, String control) {
        JsonNode e = ok(api.send("POST", "/api/v1/exceptions", t.token(Role.ANALYST), """
                {"name": "%s", "controls": ["%s"], "clusters": ["%s"], "reason": "Compensated by a WAF (%s)", "owner": "team-%s",
                 "expiresAt": "%s"}""".formatted(name, control, t.clusterId(), t.slug(), t.slug(), Instant.now().plusSeconds(90 * 86400))), 201);
        return UUID.fromString(e.path("exception").path("id").asText());
    }

    private void uploadSbom(TestTenant t) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/images/" + SBOM_DIGEST + "/sbom"))
                    .header("Authorization", "Bearer " + t.token(Role.ANALYST)).header("Content-Type", "application/vnd.cyclonedx+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(SBOM))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("SBOM upload answered " + r.statusCode() + ": " + r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<KubeObject> yaml(String text) {
        List<KubeObject> objects = new ArrayList<>();
        new ManifestReader().read(text, "fixture.yaml", objects, new ArrayList<SkippedInput>());
        return objects;
    }

    private static JsonNode ok(ApiClient.Response r, int status) {
        if (r.status() != status) throw new IllegalStateException("expected " + status + ", got " + r.status() + ": " + r.body());
        return r.json();
    }
}
