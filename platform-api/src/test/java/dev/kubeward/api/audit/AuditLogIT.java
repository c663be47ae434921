package dev.kubeward.api.audit;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin action lands in the audit log with actor, target, details and source address; admins export it as CSV. */
@KubewardIT
class AuditLogIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ClusterCredentials clusters;

    @Test
    void adminActionsAreAuditedAndExported() {
        ApiClient api = new ApiClient(port);
        TestTenant t = new TenantFixtures(jdbc, tokens, clusters).tenant("audit");
        String admin = t.token(Role.ADMIN);

        ApiClient.Response reg = api.send("POST", "/api/v1/clusters", admin, "{\"name\":\"audited\",\"provider\":\"aks\"}");
        String id = reg.json().path("id").asText();
        String secret = reg.json().path("secret").asText();
        ApiClient.Response rot = api.send("POST", "/api/v1/clusters/" + id + "/rotate", admin, null);
        assertThat(rot.status()).isEqualTo(200);
        assertThat(rot.json().path("secret").asText()).isNotEqualTo(secret).startsWith("kwcs_");
        assertThat(api.send("DELETE", "/api/v1/clusters/" + id, admin, null).status()).isEqualTo(204);
        assertThat(api.send("POST", "/api/v1/invitations", admin, "{\"email\":\"new@example.test\",\"role\":\"analyst\"}").status()).isEqualTo(201);
        assertThat(api.send("PATCH", "/api/v1/users/" + t.user(Role.VIEWER).id(), admin, "{\"role\":\"analyst\"}").status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/v1/users/" + t.user(Role.ANALYST).id(), admin, null).status()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/v1/tokens/" + t.tokenIds().get(Role.VIEWER), admin, null).status()).isEqualTo(200);
        // the last admin cannot be demoted
        assertThat(api.send("PATCH", "/api/v1/users/" + t.user(Role.ADMIN).id(), admin, "{\"role\":\"viewer\"}").status()).isEqualTo(409);

        ApiClient.Response log = api.get("/api/v1/audit?size=100", admin);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("items").findValuesAsText("action")).contains("cluster.registered", "cluster.secret_rotated",
                "cluster.deleted", "user.invited", "user.role_changed", "user.removed", "token.revoked");
        log.json().path("items").forEach(e -> {
            if (!e.path("action").asText().startsWith("fixture")) {
                assertThat(e.path("actor").asText()).isEqualTo("token:it-admin");
                assertThat(e.path("sourceIp").asText()).isEqualTo("127.0.0.1");
            }
        });
        assertThat(log.body()).doesNotContain(secret).doesNotContain(rot.json().path("secret").asText());

        ApiClient.Response csv = api.get("/api/v1/audit/export.csv", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("at,actor,action,target,source_ip,details").contains("cluster.secret_rotated").contains("token:it-admin");
    }
}
