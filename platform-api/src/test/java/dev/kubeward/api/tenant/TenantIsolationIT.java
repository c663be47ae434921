package dev.kubeward.api.tenant;

import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.OpenApiOperations;
import dev.kubeward.api.support.OpenApiOperations.Operation;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TenantFixtures.TestTenant;
import dev.kubeward.api.support.TestJwts;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adversarial isolation suite, generated from /v3/api-docs: tenant B's principals (API token, bearer
 * JWT) get 404 for every id of tenant A on every GET endpoint with a path variable, and no list shows
 * any of A's ids; then the same question asked of the database with the application's scope removed.
 */
@KubewardIT
class TenantIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ClusterCredentials clusters;
    @Autowired
    JWKSource<SecurityContext> jwkSource;

    ApiClient api;
    TestTenant a;
    TestTenant b;
    Map<String, String> principalsOfB;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        TenantFixtures fixtures = new TenantFixtures(jdbc, tokens, clusters);
        a = fixtures.tenant("iso-a");
        b = fixtures.tenant("iso-b");
        principalsOfB = new LinkedHashMap<>();
        principalsOfB.put("B admin API token", b.token(Role.ADMIN));
        principalsOfB.put("B admin bearer JWT", new TestJwts(jwkSource).accessToken(b.user(Role.ADMIN)));
    }

    /** Every id of tenant A that an endpoint could take. */
    private List<String> idsOfA() {
        List<String> ids = new ArrayList<>();
        ids.add(a.clusterId().toString());
        a.tokenIds().values().forEach(id -> ids.add(id.toString()));
        a.users().values().forEach(u -> ids.add(u.id().toString()));
        ids.addAll(TenantContext.callAs(a.id(), () -> jdbc.queryForList("SELECT id::text FROM invitations WHERE tenant_id = ?", String.class, a.id())));
        ids.addAll(TenantContext.callAs(a.id(), () -> jdbc.queryForList("SELECT id::text FROM findings WHERE tenant_id = ? LIMIT 5", String.class, a.id())));
        return ids;
    }

    @Test
    void principalsOfBAreAuthenticated() {
        principalsOfB.forEach((who, credential) -> assertThat(api.get("/api/v1/users", credential).status()).as(who).isEqualTo(200));
    }

    @Test
    void everyIdOfTenantAAnswers404ToTenantB() {
        List<Operation> byId = OpenApiOperations.of(api).stream().filter(o -> o.method().equals("GET") && o.hasVariables()).toList();
        assertThat(byId).extracting(Operation::toString).contains("GET /api/v1/tokens/{tokenId}", "GET /api/v1/users/{userId}");
        // positive control: the same requests succeed for A's own admin
        assertThat(api.get("/api/v1/tokens/" + a.tokenIds().get(Role.VIEWER), a.token(Role.ADMIN)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/" + a.user(Role.VIEWER).id(), a.token(Role.ADMIN)).status()).isEqualTo(200);
        List<String> leaks = new ArrayList<>();
        for (var principal : principalsOfB.entrySet()) {
            for (Operation op : byId) {
                for (String id : idsOfA()) {
                    ApiClient.Response r = api.get(op.with(id), principal.getValue());
                    // 400: the id does not even parse as this endpoint's id type, nothing was looked up
                    if (r.status() != 404 && r.status() != 400) leaks.add(principal.getKey() + ": " + op.with(id) + " -> " + r.status());
                    else if (r.status() == 404 && !String.valueOf(r.header("Content-Type")).startsWith("application/problem+json")) {
                        leaks.add(principal.getKey() + ": " + op.with(id) + " -> 404 without problem details");
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noListOfTenantBShowsAnythingOfTenantA() {
        List<Operation> lists = OpenApiOperations.of(api).stream().filter(o -> o.method().equals("GET") && !o.hasVariables()).toList();
        assertThat(lists).extracting(Operation::path).contains("/api/v1/users", "/api/v1/tokens", "/api/v1/invitations", "/api/v1/audit");
        List<String> needles = new ArrayList<>(idsOfA());
        needles.add(a.slug());
        needles.add(a.clusterName());
        List<String> leaks = new ArrayList<>();
        for (var principal : principalsOfB.entrySet()) {
            for (Operation op : lists) {
                ApiClient.Response r = api.get(op.path() + "?size=500", principal.getValue());
                for (String n : needles) {
                    if (r.body() != null && r.body().contains(n)) leaks.add(principal.getKey() + ": " + op.path() + " shows " + n);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void writesOnTenantAIdsAnswer404ToTenantB() {
        String admin = b.token(Role.ADMIN);
        assertThat(api.send("POST", "/api/v1/clusters/" + a.clusterId() + "/rotate", admin, null).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/clusters/" + a.clusterId(), admin, null).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/tokens/" + a.tokenIds().get(Role.ADMIN), admin, null).status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/api/v1/users/" + a.user(Role.ADMIN).id(), admin, "{\"role\":\"viewer\"}").status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v1/users/" + a.user(Role.VIEWER).id(), admin, null).status()).isEqualTo(404);
        // and A's token still works, A's cluster still exists
        assertThat(api.get("/api/v1/users", a.token(Role.ADMIN)).status()).isEqualTo(200);
        assertThat(TenantContext.callAs(a.id(), () -> jdbc.queryForObject("SELECT count(*) FROM clusters WHERE id = ?", Long.class, a.clusterId()))).isEqualTo(1);
    }

    /**
     * Row-level security alone: queries that "forget" {@code WHERE tenant_id} on purpose, run as tenant B,
     * over every table that has the isolation policy. None returns a row of A, while the owner sees them.
     */
    @Test
    void rowLevelSecurityAloneHidesTenantA() {
        List<String> tables = TenantContext.callAsSystem("list the tables under row-level security", () -> jdbc.queryForList(
                "SELECT tablename FROM pg_policies WHERE policyname = 'tenant_isolation' ORDER BY tablename", String.class));
        assertThat(tables).contains("clusters", "api_tokens", "memberships", "invitations", "audit_log", "findings", "tenants");
        int seenBySystem = 0;
        for (String t : tables) {
            String column = t.equals("tenants") ? "id" : "tenant_id";
            String unscoped = "SELECT count(*) FROM " + t + " WHERE " + column + " = ?";
            long asB = TenantContext.callAs(b.id(), () -> jdbc.queryForObject(unscoped, Long.class, a.id()));
            long all = TenantContext.callAs(b.id(), () -> jdbc.queryForObject("SELECT count(*) FROM " + t + " WHERE " + column + " <> ?", Long.class, b.id()));
            long asOwner = TenantContext.callAsSystem("control", () -> jdbc.queryForObject(unscoped, Long.class, a.id()));
            assertThat(asB).as("rows of A in %s seen as B", t).isZero();
            assertThat(all).as("rows of other tenants in %s seen as B", t).isZero();
            if (asOwner > 0) seenBySystem++;
        }
        assertThat(seenBySystem).as("tables where A has rows (positive control)").isGreaterThanOrEqualTo(6);
        // users: visible only through a membership of the current tenant
        long usersOfA = TenantContext.callAs(b.id(), () -> jdbc.queryForObject("SELECT count(*) FROM users WHERE id = ?", Long.class, a.user(Role.ADMIN).id()));
        assertThat(usersOfA).isZero();
        // writing into A while acting as B is refused by the policy's WITH CHECK
        UUID tenantA = a.id();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> TenantContext.runAs(b.id(), () -> jdbc.update(
                "INSERT INTO audit_log (tenant_id, actor, action) VALUES (?, 'mallory', 'forged')", tenantA)))).isNotNull();
    }
}
