package dev.kubeward.api.security;

import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.OpenApiOperations;
import dev.kubeward.api.support.OpenApiOperations.Operation;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Role tests over every operation of the OpenAPI document: a viewer never writes; an analyst never manages clusters, users or tokens. */
@KubewardIT
class RoleEnforcementIT {

    private static final List<String> ADMIN_ONLY = List.of("/api/v1/clusters", "/api/v1/users", "/api/v1/invitations", "/api/v1/tokens", "/api/v1/audit");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ClusterCredentials clusters;

    ApiClient api;
    TestTenant tenant;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tenant = new TenantFixtures(jdbc, tokens, clusters).tenant("roles");
    }

    @Test
    void viewerCannotWriteAnything() {
        // NB: the agents' HTTPS relay (/ingest/**) takes no user or token at all — the cluster's HMAC signature is its
        // credential (IngestRelayIT proves unsigned and wrongly signed chunks are refused) — so roles do not apply to it.
        List<Operation> writes = OpenApiOperations.of(api).stream().filter(o -> !o.method().equals("GET"))
                .filter(o -> !o.path().startsWith("/ingest/")).toList();
        assertThat(writes).as("write operations in /v3/api-docs").isNotEmpty();
        List<String> allowed = new ArrayList<>();
        for (Operation op : writes) {
            int status = api.send(op.method(), op.with(tenant.clusterId().toString()), tenant.token(Role.VIEWER), "{}").status();
            if (status != 403) allowed.add(op + " -> " + status);
        }
        assertThat(allowed).as("write operations a viewer token was not refused (403)").isEmpty();
    }

    @Test
    void analystCannotManageClustersUsersOrTokens() {
        List<Operation> management = OpenApiOperations.of(api).stream()
                .filter(o -> ADMIN_ONLY.stream().anyMatch(p -> o.path().startsWith(p)))
                .filter(o -> !o.method().equals("GET") || !o.path().startsWith("/api/v1/clusters"))
                .toList();
        assertThat(management).extracting(Operation::toString).contains("POST /api/v1/clusters", "POST /api/v1/tokens", "PATCH /api/v1/users/{userId}");
        List<String> allowed = new ArrayList<>();
        for (Operation op : management) {
            int status = api.send(op.method(), op.with(UUID.randomUUID().toString()), tenant.token(Role.ANALYST), "{}").status();
            if (status != 403) allowed.add(op + " -> " + status);
        }
        assertThat(allowed).as("management operations an analyst token was not refused (403)").isEmpty();
    }

    @Test
    void adminManagesClusters() {
        ApiClient.Response r = api.send("POST", "/api/v1/clusters", tenant.token(Role.ADMIN), "{\"name\":\"admin-made\",\"provider\":\"gke\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("installCommand").asText()).startsWith("helm install kubeward-agent deploy/helm/kubeward-agent")
                .contains("--set clusterId=" + r.json().path("id").asText()).contains("--set clusterSecret=kwcs_");
    }

    @Test
    void viewerReads() {
        assertThat(api.get("/api/v1/users", tenant.token(Role.VIEWER)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users", tenant.token(Role.ADMIN)).status()).isEqualTo(200);
    }
}
