package dev.kubeward.api.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.support.ApiClient;
import dev.kubeward.api.support.KubewardIT;
import dev.kubeward.api.support.OpenApiOperations;
import dev.kubeward.api.support.OpenApiOperations.Operation;
import dev.kubeward.api.support.PostureFixtures;
import dev.kubeward.api.support.PostureFixtures.Posture;
import dev.kubeward.api.support.SessionClient;
import dev.kubeward.api.support.TenantFixtures;
import dev.kubeward.api.support.TestJwts;
import dev.kubeward.db.cluster.ClusterCredentials;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.db.token.ApiTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The adversarial isolation suite. Tenants A (the attacker) and B (the victim) both hold real posture data
 * ({@link PostureFixtures}: scan, findings, exceptions, report, tokens, custom control, RBAC objects, alert target and
 * rule, report schedule; B also an SBOM). The endpoints are enumerated from the controllers' request mappings, so a
 * new endpoint is covered the day it is added, and each path variable gets B's ids of its declared type. A's API
 * token, bearer JWT and browser session (real OIDC sign-in) ask for B's ids: 404, nothing of B in any body; A's lists
 * answer 200 with A's rows only; A's writes on B's ids fail and leave every row of B as it was. Then row-level
 * security alone: queries without a tenant filter, as A, over every table that has a tenant_id column.
 */
@KubewardIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    /** Pages outside the tenant (sign-in, the provider, API docs, assets): no tenant data behind them. */
    private static final List<String> NOT_TENANT_PAGES = List.of("/auth/", "/login", "/v3/api-docs", "/swagger-ui", "/error", "/oauth2/",
            "/.well-known/", "/userinfo", "/connect/", "/webjars/");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApiTokens tokens;
    @Autowired ClusterCredentials clusters;
    @Autowired JWKSource<SecurityContext> jwkSource;
    @Autowired PlatformTransactionManager txManager;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    ApiClient api;
    Posture a;
    Posture b;
    Map<String, String> apiPrincipalsOfA;
    SessionClient sessionOfA;
    /** B's resource that the multi-variable resource endpoint can address: kind, namespace, name. */
    Map<String, Object> resourceOfB;

    /** One handler mapping: a method, a path template and the declared type of each path variable. */
    record Endpoint(String method, String path, Map<String, Class<?>> variables) {
        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void seed() {
        api = new ApiClient(port);
        TenantFixtures tenants = new TenantFixtures(jdbc, tokens, clusters);
        PostureFixtures posture = new PostureFixtures(jdbc, txManager, port);
        a = posture.posture(tenants.tenant("iso-a"), false);
        b = posture.posture(tenants.tenant("iso-b"), true);
        apiPrincipalsOfA = new LinkedHashMap<>();
        apiPrincipalsOfA.put("A admin API token", a.tenant().token(Role.ADMIN));
        apiPrincipalsOfA.put("A admin bearer JWT", new TestJwts(jwkSource).accessToken(a.tenant().user(Role.ADMIN)));
        sessionOfA = SessionClient.signIn(port, a.tenant().user(Role.ADMIN).username(), a.tenant().user(Role.ADMIN).password());
        resourceOfB = TenantContext.callAs(b.tenant().id(), () -> jdbc.queryForMap(
                "SELECT kind, namespace, name FROM resources WHERE tenant_id = ? AND kind = 'Deployment' ORDER BY name LIMIT 1", b.tenant().id()));
    }

    // ---------------------------------------------------------------- reads by id

    @Test
    void theMappingsCoverTheOpenApiDocument() {
        Set<String> mapped = new LinkedHashSet<>();
        endpoints().forEach(e -> mapped.add(e.toString()));
        List<String> documented = OpenApiOperations.of(api).stream().map(Operation::toString).map(s -> s.replaceAll("\\{([^}]+)}", "{$1}")).toList();
        assertThat(mapped).containsAll(documented);
    }

    @Test
    void everyIdOfBAnswers404ToEveryPrincipalOfA() {
        List<Endpoint> byId = endpoints().stream().filter(e -> e.method().equals("GET") && !e.variables().isEmpty()).toList();
        assertThat(byId).extracting(Endpoint::toString).contains("GET /api/v1/clusters/{id}", "GET /api/v1/findings/{id}",
                "GET /api/v1/exceptions/{id}", "GET /api/v1/reports/{id}/pdf", "GET /api/v1/custom-controls/{id}",
                "GET /api/v1/images/{digest}", "GET /api/v1/tokens/{tokenId}", "GET /clusters/{id}", "GET /reports/{id}/view");
        List<String> leaks = new ArrayList<>();
        int asked = 0;
        for (Endpoint e : byId) {
            if (e.api()) {
                for (var principal : apiPrincipalsOfA.entrySet()) {
                    for (String path : pathsWithIdsOf(b, e)) {
                        asked++;
                        check(leaks, principal.getKey(), path, retrying(() -> api.get(path, principal.getValue())), true);
                    }
                }
            } else if (!notTenantPage(e.path())) {
                for (String path : pathsWithIdsOf(b, e)) {
                    asked++;
                    SessionClient.Page p = sessionOfA.get(path);
                    check(leaks, "A admin session", path, new ApiClient.Response(p.status(), p.body(), p.headers()), false);
                }
            }
        }
        assertThat(asked).as("requests made").isGreaterThan(100);
        assertThat(leaks).isEmpty();
    }

    @Test
    void theSameRequestsWithAsOwnIdsSucceed() {
        // the positive control: without it, an endpoint that answers 404 to everything would pass the test above
        String admin = a.tenant().token(Role.ADMIN);
        for (String path : List.of("/api/v1/clusters/" + a.tenant().clusterId(), "/api/v1/findings/" + a.findingIds().get(0),
                "/api/v1/exceptions/" + a.approvedException(), "/api/v1/reports/" + a.reportId(), "/api/v1/reports/" + a.reportId() + "/pdf",
                "/api/v1/custom-controls/" + a.customControlId(), "/api/v1/tokens/" + a.tenant().tokenIds().get(Role.VIEWER),
                "/api/v1/users/" + a.tenant().user(Role.VIEWER).id(), "/api/v1/clusters/" + a.tenant().clusterId() + "/scans")) {
            assertThat(api.get(path, admin).status()).as(path).isEqualTo(200);
        }
        for (String page : List.of("/clusters/" + a.tenant().clusterId(), "/reports/" + a.reportId() + "/view")) {
            assertThat(sessionOfA.get(page).status()).as(page).isEqualTo(200);
        }
        // B's SBOM digest is B's only: B sees it, A does not (asserted above)
        assertThat(api.get("/api/v1/images/" + b.imageDigest(), b.tenant().token(Role.VIEWER)).status()).isEqualTo(200);
    }

    @Test
    void aClusterFilterNamingBsClusterShowsNothingOfB() {
        List<String> leaks = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (!e.method().equals("GET") || !e.variables().isEmpty() || !e.api()) continue;
            String path = e.path() + "?cluster=" + b.tenant().clusterId() + "&clusterId=" + b.tenant().clusterId()
                    + "&verb=get&resource=secrets&kind=ServiceAccount&name=" + b.rbacSubject() + "&namespace=kube-system";
            ApiClient.Response r = retrying(() -> api.get(path, a.tenant().token(Role.ADMIN)));
            if (r.status() >= 500) leaks.add(path + " -> " + r.status());
            // the subject asked about is echoed back as the question; anything else of B is a leak
            else if (r.status() == 200) needlesIn(r.body(), b).stream().filter(n -> !path.contains(n)).forEach(n -> leaks.add(path + " shows " + n));
        }
        assertThat(leaks).isEmpty();
    }

    // ---------------------------------------------------------------- lists

    @Test
    void everyListAnswers200WithOnlyAsRows() {
        List<Endpoint> lists = endpoints().stream().filter(e -> e.method().equals("GET") && e.variables().isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        int answered = 0;
        for (Endpoint e : lists) {
            if (e.api()) {
                for (var principal : apiPrincipalsOfA.entrySet()) {
                    ApiClient.Response r = retrying(() -> api.get(listPath(e.path()), principal.getValue()));
                    if (r.status() != 200) problems.add(principal.getKey() + ": " + e + " -> " + r.status() + " " + r.body());
                    else answered++;
                    needlesIn(r.body(), b).forEach(n -> problems.add(principal.getKey() + ": " + e + " shows " + n));
                }
            } else if (!notTenantPage(e.path()) && !e.path().equals("/logout")) {
                SessionClient.Page p = sessionOfA.get(listPath(e.path()));
                // a page that moved on to another of the application's pages (/alerts → /alerts/targets) answered
                boolean inApp = p.status() == 302 && p.location() != null && !p.location().contains("/oauth2/") && !p.location().contains("/login");
                if (p.status() != 200 && !inApp) problems.add("A admin session: " + e + " -> " + p.status());
                else answered++;
                needlesIn(p.body(), b).forEach(n -> problems.add("A admin session: " + e + " shows " + n));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(answered).as("lists answered 200").isGreaterThan(40);
    }

    @Test
    void theListsHoldExactlyAsRows() {
        String token = a.tenant().token(Role.ADMIN);
        assertThat(ids(api.get("/api/v1/clusters", token).json())).containsExactly(a.tenant().clusterId().toString());
        assertThat(ids(api.get("/api/v1/exceptions", token).json())).containsExactlyInAnyOrder(a.approvedException().toString(), a.pendingException().toString());
        assertThat(ids(api.get("/api/v1/reports", token).json())).containsExactly(a.reportId().toString());
        assertThat(ids(api.get("/api/v1/custom-controls", token).json())).containsExactly(a.customControlId().toString());
        assertThat(ids(api.get("/api/v1/tokens", token).json())).containsExactlyInAnyOrderElementsOf(
                a.tenant().tokenIds().values().stream().map(UUID::toString).toList());
        assertThat(ids(api.get("/api/v1/users", token).json())).containsExactlyInAnyOrderElementsOf(
                a.tenant().users().values().stream().map(u -> u.id().toString()).toList());
        assertThat(ids(api.get("/api/v1/alerts/targets", token).json())).containsExactly(a.alertTargetId().toString());
        assertThat(ids(api.get("/api/v1/reports/schedules", token).json())).containsExactly(a.scheduleId().toString());
        // findings: every page of the keyset walk, only A's finding ids, all of them
        List<Long> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/findings?size=200&cursor=" + cursor, token).json();
            page.path("items").forEach(f -> seen.add(f.path("id").asLong()));
            cursor = page.path("nextCursor").asText("");
        } while (!cursor.isEmpty());
        assertThat(seen).isNotEmpty().allMatch(a.findingIds()::contains).doesNotContainAnyElementsOf(b.findingIds());
        // SARIF: results only for A's cluster
        String sarif = api.get("/api/v1/findings/export?format=sarif", token).body();
        assertThat(sarif).contains("\"version\"").contains(a.tenant().clusterName()).doesNotContain(b.tenant().clusterName());
        // RBAC of A's cluster does not know B's subject; B's own does (positive control)
        String rbac = "/api/v1/rbac/powerful-subjects?cluster=";
        assertThat(api.get(rbac + a.tenant().clusterId(), token).body()).contains(a.rbacSubject()).doesNotContain(b.rbacSubject());
        assertThat(api.get(rbac + b.tenant().clusterId(), b.tenant().token(Role.VIEWER)).body()).contains(b.rbacSubject());
        assertThat(api.get("/api/v1/images", token).body()).doesNotContain(PostureFixtures.SBOM_DIGEST);
        // the session sees A's cluster page list with A's cluster and not B's
        assertThat(sessionOfA.get("/clusters").body()).contains(a.tenant().clusterName()).doesNotContain(b.tenant().clusterName());
    }

    // ---------------------------------------------------------------- writes

    @Test
    void writesOnBsIdsAnswer404AndChangeNothingOfB() {
        Map<String, String> before = rowsOf(b.tenant().id());
        String admin = a.tenant().token(Role.ADMIN);
        Map<String, ApiClient.Response> named = new LinkedHashMap<>();
        named.put("rotate B's cluster", api.send("POST", "/api/v1/clusters/" + b.tenant().clusterId() + "/rotate", admin, null));
        named.put("delete B's cluster", api.send("DELETE", "/api/v1/clusters/" + b.tenant().clusterId(), admin, null));
        named.put("approve B's exception", api.send("POST", "/api/v1/exceptions/" + b.pendingException() + "/approve", admin, null));
        named.put("revoke B's exception", api.send("POST", "/api/v1/exceptions/" + b.approvedException() + "/revoke", admin, "{}"));
        named.put("delete B's token", api.send("DELETE", "/api/v1/tokens/" + b.tenant().tokenIds().get(Role.ADMIN), admin, null));
        named.put("demote B's admin", api.send("PATCH", "/api/v1/users/" + b.tenant().user(Role.ADMIN).id(), admin, "{\"role\":\"viewer\"}"));
        named.put("delete B's custom control", api.send("DELETE", "/api/v1/custom-controls/" + b.customControlId(), admin, null));
        named.put("delete B's alert target", api.send("DELETE", "/api/v1/alerts/targets/" + b.alertTargetId(), admin, null));
        named.put("delete B's schedule", api.send("DELETE", "/api/v1/reports/schedules/" + b.scheduleId(), admin, null));
        named.put("send B's report", api.send("POST", "/api/v1/reports/" + b.reportId() + "/send", admin, "{\"targetId\":\"" + a.alertTargetId() + "\"}"));
        named.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
        });
        // A's report sent to B's alert target: refused, nothing queued on B's target
        ApiClient.Response toB = api.send("POST", "/api/v1/reports/" + a.reportId() + "/send", admin, "{\"targetId\":\"" + b.alertTargetId() + "\"}");
        assertThat(toB.status()).as(toB.body()).isIn(400, 404);

        // then every other write of every endpoint, generated, with B's ids: whatever it answers, B is unchanged
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            if (e.method().equals("GET") || e.variables().isEmpty() || e.path().startsWith("/ingest/")) continue;
            for (String path : pathsWithIdsOf(b, e)) {
                int status;
                if (e.api()) status = retrying(() -> api.send(e.method(), path, admin, "{\"role\":\"viewer\",\"targetId\":\"" + a.alertTargetId() + "\"}")).status();
                else status = sessionOfA.postForm(path, Map.of("role", "viewer", "value", "1")).status();
                if (status >= 500 || (e.api() && status / 100 == 2)) failures.add(e.method() + " " + path + " -> " + status);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rowsOf(b.tenant().id())).isEqualTo(before);
        // and B still works: its token, its cluster
        assertThat(api.get("/api/v1/clusters/" + b.tenant().clusterId(), b.tenant().token(Role.ADMIN)).status()).isEqualTo(200);
    }

    @Test
    void aSessionCookieIsNoCredentialForTheApi() {
        SessionClient.Page p = sessionOfA.get("/api/v1/clusters");
        assertThat(p.status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- the second wall

    /**
     * Row-level security alone: for every table or view with a tenant_id column (from information_schema, so a new
     * table cannot be forgotten), a query that forgets the tenant filter on purpose, run as A, returns no row of B,
     * while the schema owner sees B's rows there.
     */
    @Test
    void rowLevelSecurityAloneHidesBFromA() {
        List<String> tables = tenantTables();
        assertThat(tables).contains("clusters", "findings", "risk_exceptions", "reports", "api_tokens", "custom_controls", "image_sboms",
                "resources", "scans", "alert_targets", "report_schedules", "memberships", "audit_log");
        Map<String, String> leaks = new TreeMap<>();
        List<String> withRowsOfB = new ArrayList<>();
        for (String t : tables) {
            long ofB = TenantContext.callAsSystem("control: B's rows", () -> jdbc.queryForObject(
                    "SELECT count(*) FROM " + t + " WHERE tenant_id = ?", Long.class, b.tenant().id()));
            if (ofB > 0) withRowsOfB.add(t);
            try {
                long seen = TenantContext.callAs(a.tenant().id(), () -> jdbc.queryForObject(
                        "SELECT count(*) FROM " + t + " WHERE tenant_id IS DISTINCT FROM ?", Long.class, a.tenant().id()));
                if (seen > 0) leaks.put(t, seen + " rows of other tenants");
            } catch (org.springframework.jdbc.BadSqlGrammarException | org.springframework.dao.PermissionDeniedDataAccessException e) {
                // no privilege for the application role: it cannot see anything there either
                if (!String.valueOf(e.getMessage()).contains("permission denied")) throw e;
            }
        }
        assertThat(leaks).as("tables where tenant A sees other tenants' rows without a tenant filter").isEmpty();
        assertThat(withRowsOfB).as("tables where B has rows (the test is not vacuous)").hasSizeGreaterThanOrEqualTo(18);
        // the tenants table itself and users (visible only through a membership of the current tenant)
        assertThat(TenantContext.callAs(a.tenant().id(), () -> jdbc.queryForObject("SELECT count(*) FROM tenants WHERE id <> ?", Long.class,
                a.tenant().id()))).isZero();
        assertThat(TenantContext.callAs(a.tenant().id(), () -> jdbc.queryForObject("SELECT count(*) FROM users WHERE id = ?", Long.class,
                b.tenant().user(Role.ADMIN).id()))).isZero();
        // writing into B while acting as A is refused by the policies' WITH CHECK
        UUID tenantB = b.tenant().id();
        assertThat(catchThrowable(() -> TenantContext.runAs(a.tenant().id(), () -> jdbc.update(
                "INSERT INTO audit_log (tenant_id, actor, action) VALUES (?, 'mallory', 'forged')", tenantB)))).isNotNull();
        assertThat(TenantContext.callAs(a.tenant().id(), () -> jdbc.update("UPDATE findings SET status = 'resolved' WHERE tenant_id = ?", tenantB)))
                .isZero();
    }

    // ---------------------------------------------------------------- helpers

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
            Map<String, Class<?>> types = new LinkedHashMap<>();
            for (MethodParameter p : m.getValue().getMethodParameters()) {
                PathVariable v = p.getParameterAnnotation(PathVariable.class);
                if (v == null) continue;
                String name = !v.name().isEmpty() ? v.name() : !v.value().isEmpty() ? v.value() : p.getParameterName();
                types.put(name, p.getParameterType());
            }
            for (String pattern : m.getKey().getPatternValues()) {
                String path = VARIABLE.matcher(pattern).replaceAll("{$1}");
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    all.add(new Endpoint(method.name(), path, types));
                }
            }
        }
        return all;
    }

    /** The template filled with each of the tenant's ids of the first variable's type; other variables get real values of the tenant. */
    private List<String> pathsWithIdsOf(Posture p, Endpoint e) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(e.path());
        while (m.find()) names.add(m.group(1));
        List<String> paths = new ArrayList<>();
        for (String id : idsOf(p, e.variables().getOrDefault(names.get(0), String.class))) {
            String path = e.path();
            for (int i = 0; i < names.size(); i++) {
                String value = i == 0 ? id : switch (names.get(i)) {
                    case "kind" -> (String) resourceOfB.get("kind");
                    case "name" -> (String) resourceOfB.get("name");
                    default -> p.tenant().clusterId().toString();
                };
                path = path.replace("{" + names.get(i) + "}", value);
            }
            if (names.size() > 1) path += "?namespace=" + resourceOfB.get("namespace");
            paths.add(path);
        }
        return paths;
    }

    private List<String> idsOf(Posture p, Class<?> type) {
        List<String> uuids = new ArrayList<>(List.of(p.tenant().clusterId().toString(), p.scan().scanId().toString(),
                p.approvedException().toString(), p.pendingException().toString(), p.reportId().toString(), p.customControlId().toString(),
                p.alertTargetId().toString(), p.alertRuleId().toString(), p.scheduleId().toString()));
        p.tenant().tokenIds().values().forEach(id -> uuids.add(id.toString()));
        p.tenant().users().values().forEach(u -> uuids.add(u.id().toString()));
        uuids.addAll(TenantContext.callAs(p.tenant().id(), () -> jdbc.queryForList(
                "SELECT id::text FROM invitations WHERE tenant_id = ?", String.class, p.tenant().id())));
        List<String> numbers = p.findingIds().stream().limit(3).map(String::valueOf).toList();
        if (type == UUID.class) return uuids;
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) return numbers;
        List<String> strings = new ArrayList<>(List.of(p.tenant().clusterId().toString(), p.reportId().toString(), p.approvedException().toString(),
                "KW-CUSTOM-LABELS-" + p.tenant().slug().toUpperCase(), p.rbacSubject(), numbers.get(0)));
        if (p.imageDigest() != null) strings.add(p.imageDigest());
        return strings;
    }

    /** What of tenant B a body must never contain: B's ids, its SBOM's digest, its slug (which every name of B carries). */
    private List<String> needlesIn(String body, Posture p) {
        if (body == null) return List.of();
        List<String> needles = new ArrayList<>(idsOf(p, UUID.class));
        needles.add(p.tenant().slug());
        if (p.imageDigest() != null) needles.add(p.imageDigest());
        return needles.stream().filter(body::contains).toList();
    }

    private void check(List<String> leaks, String who, String path, ApiClient.Response r, boolean problemDetails) {
        // 400: the value does not even parse as this endpoint's id, nothing was looked up
        if (r.status() != 404 && r.status() != 400) leaks.add(who + ": " + path + " -> " + r.status());
        else if (problemDetails && r.status() == 404 && !String.valueOf(r.header("Content-Type")).startsWith("application/problem+json")) {
            leaks.add(who + ": " + path + " -> 404 without problem details");
        }
        needlesIn(r.body(), b).stream().filter(n -> !path.contains(n)).forEach(n -> leaks.add(who + ": " + path + " shows " + n));
    }

    /** The path with the required parameters of the few lists that have some (an RBAC question needs a cluster and a verb). */
    private String listPath(String path) {
        if (path.startsWith("/api/v1/rbac/") || path.startsWith("/rbac/") || path.equals("/resource") || path.equals("/drift")
                || path.startsWith("/api/v1/clusters/") || path.equals("/vulnerabilities/export")) {
            return path + "?cluster=" + a.tenant().clusterId() + "&verb=get&resource=secrets&kind=ServiceAccount&name=" + a.rbacSubject()
                    + "&namespace=kube-system&node=sa:kube-system/" + a.rbacSubject();
        }
        return path;
    }

    private static boolean notTenantPage(String path) {
        return NOT_TENANT_PAGES.stream().anyMatch(path::startsWith) || path.equals("/tenant/switch");
    }

    private static List<String> ids(JsonNode list) {
        JsonNode items = list.isArray() ? list : list.path("items");
        List<String> ids = new ArrayList<>();
        items.forEach(n -> ids.add(n.has("id") ? n.path("id").asText() : n.has("exception") ? n.path("exception").path("id").asText()
                : n.path("info").path("id").asText()));
        return ids;
    }

    /** Every tenant table and view: those with a tenant_id column. */
    private List<String> tenantTables() {
        return TenantContext.callAsSystem("list the tenant tables", () -> jdbc.queryForList("""
                SELECT DISTINCT table_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND column_name = 'tenant_id' ORDER BY table_name""", String.class));
    }

    /** A fingerprint of every row of the tenant, table by table (as the schema owner: nothing hidden). */
    private Map<String, String> rowsOf(UUID tenant) {
        Map<String, String> rows = new TreeMap<>();
        BiFunction<String, String, String> fingerprint = (table, where) -> TenantContext.callAsSystem("fingerprint a tenant's rows", () ->
                jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table
                        + " t WHERE " + where, String.class, tenant));
        for (String t : tenantTables()) rows.put(t, fingerprint.apply(t, "tenant_id = ?"));
        rows.put("tenants", fingerprint.apply("tenants", "id = ?"));
        rows.put("users", fingerprint.apply("users", "id IN (SELECT user_id FROM memberships WHERE tenant_id = ?)"));
        return rows;
    }

    /** The API's per-address rate limit is part of the product; a suite this size waits for it instead of failing. */
    private static ApiClient.Response retrying(java.util.function.Supplier<ApiClient.Response> call) {
        ApiClient.Response r = call.get();
        for (int i = 0; r.status() == 429 && i < 30; i++) {
            try {
                Thread.sleep(1000L * Math.max(1, Long.parseLong(String.valueOf(r.header("Retry-After")).replaceAll("\\D", "1"))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            r = call.get();
        }
        return r;
    }
}
