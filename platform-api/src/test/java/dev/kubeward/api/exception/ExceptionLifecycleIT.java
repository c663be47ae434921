package dev.kubeward.api.exception;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.alert.DeliveryDispatcher;
import dev.kubeward.api.alert.WebhookReceiver;
import dev.kubeward.api.alert.WebhookSignature;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.worker.finding.ScanOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exception lifecycle through the API on a real scan: request (analyst) → approve (admin only) → the
 * covered finding counts as passed in the stored compliance counts and score → expiry → the finding is open
 * again, the score is back, and an "exception expired" alert reaches a signed webhook.
 */
@KubewardIT
class ExceptionLifecycleIT {

    static final String CIS = "cis-v1.12.0";
    static WebhookReceiver receiver;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired PlatformTransactionManager txManager;
    @Autowired ExceptionApplier applier;
    @Autowired DeliveryDispatcher dispatcher;

    ApiClient api;
    TestTenant tenant;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tenant = new TenantFixtures(jdbc, tokens, clusters).tenant("exceptions");
    }

    @Test
    void approvedExceptionCountsAsPassedAndItsExpiryReopensTheFindingAndAlerts() throws Exception {
        ScanOutcome scan = new ScanFixtures(jdbc, txManager).scan(tenant.id(), tenant.clusterId(), ScanFixtures.manifests("demo/common/online-boutique.yaml", "demo/extra/payments-api.yaml"));
        Map<String, Object> finding = firstCisFinding();
        String control = (String) finding.get("control_id");
        BigDecimal scoreBefore = score(scan.scanId());
        int failedBefore = summary(scan.scanId(), control, "failed");

        // alerting: a signed webhook with an exception-expired rule
        ApiClient.Response target = api.send("POST", "/api/v1/alerts/targets", tenant.token(Role.ADMIN),
                "{\"name\": \"hook\", \"kind\": \"webhook\", \"url\": \"" + receiver.url("/exceptions") + "\"}");
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        String secret = target.json().path("secret").asText();
        assertThat(api.send("POST", "/api/v1/alerts/rules", tenant.token(Role.ADMIN), "{\"name\": \"expired\", \"kind\": \"exception-expired\", \"targetId\": \""
                + target.json().path("target").path("id").asText() + "\"}").status()).isEqualTo(201);

        // request as analyst: pending, nothing excepted yet
        Instant expiry = Instant.now().plusSeconds(8);
        String body = """
                {"name": "payments legacy", "controls": ["%s"], "namespaces": ["%s"], "kinds": ["%s"], "names": ["%s"],
                 "reason": "Vendor image needs it until Q3", "compensatingControl": "NetworkPolicy isolates the namespace",
                 "owner": "payments-team", "ticketUrl": "https://jira.example.test/SEC-42", "expiresAt": "%s"}"""
                .formatted(control, finding.get("namespace"), finding.get("kind"), finding.get("name"), expiry);
        ApiClient.Response created = api.send("POST", "/api/v1/exceptions", tenant.token(Role.ANALYST), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("exception").path("status").asText()).isEqualTo("pending");
        String id = created.json().path("exception").path("id").asText();
        assertThat(exceptedBy((Long) finding.get("id"))).isNull();

        // only an admin approves
        assertThat(api.send("POST", "/api/v1/exceptions/" + id + "/approve", tenant.token(Role.ANALYST), null).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/exceptions/" + id + "/approve", tenant.token(Role.VIEWER), null).status()).isEqualTo(403);
        ApiClient.Response approved = api.send("POST", "/api/v1/exceptions/" + id + "/approve", tenant.token(Role.ADMIN), null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("exception").path("status").asText()).isEqualTo("active");
        assertThat(approved.json().path("exception").path("decidedBy").asText()).isEqualTo("token:it-admin");

        // the finding counts as passed: excepted in the latest scan's counts, and the framework score went up
        assertThat(exceptedBy((Long) finding.get("id"))).isEqualTo(UUID.fromString(id));
        assertThat(summary(scan.scanId(), control, "excepted")).isEqualTo(1);
        assertThat(summary(scan.scanId(), control, "failed")).isEqualTo(failedBefore);
        BigDecimal scoreExcepted = score(scan.scanId());
        assertThat(scoreExcepted).isGreaterThan(scoreBefore);
        assertThat(api.get("/api/v1/exceptions/" + id, tenant.token(Role.VIEWER)).json().path("exception").path("matchCount").asInt()).isEqualTo(1);
        assertThat(auditActions()).contains("exception.requested", "exception.approved");

        // expiry: the finding is open again, the score is back, the expiry alert is signed and delivered once
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis() + 200));
        ExceptionApplier.Outcome outcome = applier.reconcile(tenant.id());
        assertThat(outcome.expired()).extracting(ExceptionExpired::name).containsExactly("payments legacy");
        assertThat(outcome.expired().get(0).reopenedFindings()).isEqualTo(1);
        assertThat(exceptedBy((Long) finding.get("id"))).isNull();
        assertThat(summary(scan.scanId(), control, "excepted")).isZero();
        assertThat(score(scan.scanId())).isEqualByComparingTo(scoreBefore);
        assertThat(api.get("/api/v1/exceptions/" + id, tenant.token(Role.VIEWER)).json().path("exception").path("status").asText()).isEqualTo("expired");
        assertThat(applier.reconcile(tenant.id()).expired()).isEmpty();

        dispatcher.dispatchDue();
        List<WebhookReceiver.Received> got = receiver.await(r -> r.stream().anyMatch(x -> "exception.expired".equals(x.header(WebhookSignature.EVENT_HEADER))),
                Duration.ofSeconds(20));
        WebhookReceiver.Received alert = got.stream().filter(x -> "exception.expired".equals(x.header(WebhookSignature.EVENT_HEADER))).findFirst().orElseThrow();
        assertThat(WebhookSignature.verify(secret.getBytes(StandardCharsets.UTF_8), alert.header(WebhookSignature.TIMESTAMP_HEADER), alert.body(),
                alert.header(WebhookSignature.SIGNATURE_HEADER))).isTrue();
        JsonNode payload = alert.json();
        assertThat(payload.path("title").asText()).contains("payments legacy").contains("1 findings open again");
        assertThat(payload.path("data").path("reopenedFindings").asInt()).isEqualTo(1);
        assertThat(receiver.received("exception.expired")).hasSize(1);
    }

    @Test
    void revokingReopensAtOnceAndTheReviewListShowsWhatExpiresSoon() {
        ScanOutcome scan = new ScanFixtures(jdbc, txManager).scan(tenant.id(), tenant.clusterId(), ScanFixtures.manifests("demo/common/online-boutique.yaml", "demo/extra/payments-api.yaml"));
        Map<String, Object> finding = firstCisFinding();
        assertThat(api.send("PUT", "/api/v1/exceptions/settings", tenant.token(Role.ANALYST), "{\"autoApprove\": true}").status()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/exceptions/settings", tenant.token(Role.ADMIN), "{\"autoApprove\": true}").status()).isEqualTo(200);
        String soon = request("soon", (String) finding.get("control_id"), Instant.now().plus(Duration.ofDays(5)));
        request("later", "C-0017", Instant.now().plus(Duration.ofDays(90)));
        assertThat(exceptedBy((Long) finding.get("id"))).isEqualTo(UUID.fromString(soon));

        JsonNode due = api.get("/api/v1/exceptions/review-due?days=30", tenant.token(Role.VIEWER)).json();
        assertThat(due).extracting(n -> n.path("exception").path("name").asText()).containsExactly("soon");
        assertThat(due.get(0).path("displayStatus").asText()).isEqualTo("expiring");

        assertThat(api.send("POST", "/api/v1/exceptions/" + soon + "/revoke", tenant.token(Role.VIEWER), "{}").status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/exceptions/" + soon + "/revoke", tenant.token(Role.ANALYST), "{\"reason\": \"fixed\"}").status()).isEqualTo(200);
        assertThat(exceptedBy((Long) finding.get("id"))).isNull();
        assertThat(summary(scan.scanId(), (String) finding.get("control_id"), "excepted")).isZero();
        assertThat(auditActions()).contains("exception.settings", "exception.revoked");
    }

    @Test
    void aKubescapeExceptionFileIsImportedIntoOurModel() {
        ApiClient.Response r = api.send("POST", "/api/v1/exceptions/import?owner=platform&expiresAt=2030-01-01T00:00:00Z",
                tenant.token(Role.ANALYST), KubescapeExceptionsTest.FILE);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json()).hasSize(3);
        JsonNode first = r.json().get(0).path("exception");
        assertThat(first.path("status").asText()).isEqualTo("pending");
        assertThat(first.path("source").asText()).isEqualTo("kubescape-import");
        assertThat(first.path("scope").path("controls")).extracting(JsonNode::asText).containsExactly("C-0041", "C-0044");
        assertThat(first.path("scope").path("namespaces")).extracting(JsonNode::asText).containsExactly("kube-system");
        assertThat(first.path("scope").path("clusters")).extracting(JsonNode::asText).containsExactly("prod-*");
        assertThat(r.json().get(1).path("exception").path("scope").path("labels").path("app").asText()).isEqualTo("node-exporter");
        assertThat(api.get("/api/v1/exceptions?status=pending", tenant.token(Role.VIEWER)).json()).hasSize(3);
        // the same file again: names are kept unique
        assertThat(api.send("POST", "/api/v1/exceptions/import?owner=platform&expiresAt=2030-01-01T00:00:00Z",
                tenant.token(Role.ANALYST), KubescapeExceptionsTest.FILE).json().get(0).path("exception").path("name").asText())
                .isEqualTo("exclude-kube-system-host-network #1 (2)");
    }

    private String request(String name, String control, Instant expiry) {
        ApiClient.Response r = api.send("POST", "/api/v1/exceptions", tenant.token(Role.ANALYST), """
                {"name": "%s", "controls": ["%s"], "reason": "r", "owner": "o", "expiresAt": "%s"}""".formatted(name, control, expiry));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("exception").path("status").asText()).isEqualTo("active");
        return r.json().path("exception").path("id").asText();
    }

    private Map<String, Object> firstCisFinding() {
        List<String> cis = ControlCatalog.standard().framework(CIS).orElseThrow().controlIds();
        return TenantContext.callAs(tenant.id(), () -> jdbc.queryForMap("""
                SELECT f.id, f.control_id, f.kind, f.namespace, f.name FROM findings f JOIN scan_control_summaries s
                    ON s.tenant_id = f.tenant_id AND s.cluster_id = f.cluster_id AND s.control_id = f.control_id AND s.status = 'failed'
                 WHERE f.tenant_id = ? AND f.status = 'open' AND f.control_id = ANY (?)
                 ORDER BY f.control_id, f.id LIMIT 1""", tenant.id(), cis.toArray(String[]::new)));
    }

    private UUID exceptedBy(long finding) {
        return TenantContext.callAs(tenant.id(), () -> jdbc.queryForObject("SELECT excepted_by FROM findings WHERE tenant_id = ? AND id = ?",
                UUID.class, tenant.id(), finding));
    }

    private int summary(UUID scan, String control, String column) {
        return TenantContext.callAs(tenant.id(), () -> jdbc.queryForObject("SELECT " + column + " FROM scan_control_summaries"
                + " WHERE tenant_id = ? AND scan_id = ? AND control_id = ?", Integer.class, tenant.id(), scan, control));
    }

    private BigDecimal score(UUID scan) {
        return TenantContext.callAs(tenant.id(), () -> jdbc.queryForObject("SELECT score FROM scan_framework_scores"
                + " WHERE tenant_id = ? AND scan_id = ? AND framework = ?", BigDecimal.class, tenant.id(), scan, CIS));
    }

    private List<String> auditActions() {
        return TenantContext.callAs(tenant.id(), () -> jdbc.queryForList("SELECT action FROM audit_log WHERE tenant_id = ? ORDER BY id",
                String.class, tenant.id()));
    }
}
