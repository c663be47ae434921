package dev.kubeward.api.ui;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.PostureFixtures;
import dev.kubeward.api.support.PostureFixtures.Posture;
import dev.kubeward.api.support.SessionClient;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' lists and forms over a signed-in session (real OIDC sign-in, no API token): every list exports what it
 * shows, the control page's "accept risk" arrives with the form filled in, and a form without its CSRF token changes
 * nothing.
 */
@KubewardIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageListsIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired PlatformTransactionManager txManager;

    Posture posture;
    SessionClient analyst;

    @BeforeAll
    void seed() {
        posture = new PostureFixtures(jdbc, txManager, port).posture(new TenantFixtures(jdbc, tokens, clusters).tenant("page-lists"), true);
        analyst = SessionClient.signIn(port, posture.tenant().user(Role.ANALYST).username(), posture.tenant().user(Role.ANALYST).password());
    }

    @Test
    void theClusterListExportsAsCsvWithTheChosenFrameworksScore() {
        SessionClient.Page csv = analyst.get("/clusters/export?fw=cis-v1.12.0&sort=score");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains("kubeward-clusters-");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("id,name,cloud,").contains("score_cis-v1.12.0");
        assertThat(lines).hasSize(2);
        String stored = TenantContext.callAs(posture.tenant().id(), () -> jdbc.queryForObject(
                "SELECT score::text FROM scan_framework_scores WHERE tenant_id = ? AND scan_id = ? AND framework = 'cis-v1.12.0'", String.class,
                posture.tenant().id(), posture.scan().scanId()));
        assertThat(lines.get(1)).startsWith(posture.tenant().clusterId() + "," + posture.tenant().clusterName() + ",").contains("," + stored + ",");
        // a filter that matches nothing exports the header only
        assertThat(analyst.get("/clusters/export?q=no-such-cluster").body().lines()).hasSize(1);
    }

    @Test
    void theExceptionRegisterExportsAsShown() {
        String all = analyst.get("/exceptions/export").body();
        assertThat(all.lines().findFirst().orElseThrow()).startsWith("id,name,status,controls,");
        assertThat(all).contains(posture.approvedException().toString(), posture.pendingException().toString());
        String pending = analyst.get("/exceptions/export?status=pending").body();
        assertThat(pending).contains(posture.pendingException().toString()).doesNotContain(posture.approvedException().toString());
    }

    @Test
    void acceptRiskFromTheControlPageArrivesWithTheFormFilledIn() {
        String control = TenantContext.callAs(posture.tenant().id(), () -> jdbc.queryForObject(
                "SELECT control_id FROM findings WHERE tenant_id = ? AND status = 'open' ORDER BY control_id DESC LIMIT 1", String.class,
                posture.tenant().id()));
        String page = analyst.get("/controls/" + control + "?cluster=" + posture.tenant().clusterId()).body();
        String link = "/exceptions?control=" + control + "&amp;cluster=" + posture.tenant().clusterId();
        assertThat(page).contains(link);
        String form = analyst.get(link.replace("&amp;", "&")).body();
        assertThat(form).containsPattern("id=\"ex-controls\"[^>]*value=\"" + control + "\"")
                .containsPattern("id=\"ex-clusters\"[^>]*value=\"" + posture.tenant().clusterName() + "\"")
                .containsPattern("id=\"ex-name\"[^>]*value=\"Accept " + control + " in " + posture.tenant().clusterName() + "\"");
        // an unknown control is left out, not echoed into the form
        assertThat(analyst.get("/exceptions?control=C-9999%22%3E").body()).doesNotContain("C-9999");
    }

    @Test
    void aFormPostWithoutItsCsrfTokenChangesNothing() {
        Map<String, String> form = Map.of("name", "csrf probe", "controls", "C-0017", "reason", "r", "owner", "o", "expires", "2030-01-01");
        long before = exceptionsNamed("csrf probe");
        SessionClient.Page refused = analyst.postFormWithoutCsrf("/exceptions", form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(exceptionsNamed("csrf probe")).isEqualTo(before);
        // the positive control: the same form with the session's token is accepted
        assertThat(analyst.postForm("/exceptions", form).status()).isEqualTo(302);
        assertThat(exceptionsNamed("csrf probe")).isEqualTo(before + 1);
    }

    @Test
    void imageVulnerabilitiesExportFromThePagesWithTheSession() {
        SessionClient.Page csv = analyst.get("/vulnerabilities/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("digest,references,cve,");
        assertThat(analyst.get("/vulnerabilities/export?format=sarif").body()).contains("\"version\"").contains("2.1.0");
        assertThat(analyst.get("/vulnerabilities/export?format=xml").status()).isEqualTo(400);
        // the pages link here, not to the API: a session is no credential for /api/v1
        assertThat(analyst.get("/vulnerabilities").body()).contains("/vulnerabilities/export?format=csv").doesNotContain("/api/v1/vulnerabilities/export");
        assertThat(analyst.get("/api/v1/vulnerabilities/export?format=csv").status()).isEqualTo(401);
    }

    private long exceptionsNamed(String name) {
        return TenantContext.callAs(posture.tenant().id(), () -> jdbc.queryForObject(
                "SELECT count(*) FROM risk_exceptions WHERE tenant_id = ? AND name = ?", Long.class, posture.tenant().id(), name));
    }
}
