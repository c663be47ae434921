package dev.kubeward.api.query;

import dev.kubeward.db.tenancy.TenantAwareDataSource;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.infra.postgres.PostgresConnection;
import dev.kubeward.infra.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A fresh, migrated database for the query services' integration tests, and the SQL fixture they share:
 * tenant A with three clusters (healthy prod-eks with two scans, stale dev-gke, rejected new-aks) and
 * tenant B with a cluster named like A's, so isolation shows. Scores are chosen to be computed by hand
 * (see the tests). Migrations come from the db module's sources, so new ones count before it is installed.
 */
public final class QueryTestDatabase {

    public static final List<String> NSA = ControlCatalog.standard().framework("NSA").orElseThrow().controlIds();
    public static final String C1 = NSA.get(0), C2 = NSA.get(1), C3 = NSA.get(2), C4 = NSA.get(3);
    public static final UUID TENANT_A = UUID.randomUUID(), TENANT_B = UUID.randomUUID();
    public static final UUID A1 = UUID.randomUUID(), A2 = UUID.randomUUID(), A3 = UUID.randomUUID(), B1 = UUID.randomUUID();
    public static final UUID S1A = UUID.randomUUID(), S1B = UUID.randomUUID(), S2 = UUID.randomUUID(), SB = UUID.randomUUID();
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    public static final Instant T1A = NOW.minus(Duration.ofDays(1)), T1B = NOW.minus(Duration.ofMinutes(5)), T2 = NOW.minus(Duration.ofHours(2));

    public final DataSource owner;
    /** Sessions as kubeward_app with the thread's tenant: what the services get in the application. */
    public final JdbcTemplate app;
    public final JdbcTemplate sql;

    public QueryTestDatabase() {
        PostgresConnection db = TestInfrastructure.freshDatabase();
        owner = db.dataSource();
        Flyway.configure().dataSource(owner).locations("filesystem:../db/persistence/src/main/resources/db/migration").load().migrate();
        app = new JdbcTemplate(new TenantAwareDataSource(owner));
        sql = new JdbcTemplate(owner);
    }

    public static QueryTestDatabase withFixture() {
        QueryTestDatabase d = new QueryTestDatabase();
        d.fixture();
        return d;
    }

    public static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    public static String severity(String control) {
        return ControlCatalog.standard().control(control).orElseThrow().severity().name().toLowerCase();
    }

    void fixture() {
        sql.update("INSERT INTO tenants (id, slug, name) VALUES (?, 'a', 'A'), (?, 'b', 'B')", TENANT_A, TENANT_B);
        cluster(TENANT_A, A1, "prod-eks", "eks", T1B, S1B);
        cluster(TENANT_A, A2, "dev-gke", "gke", T2, S2);
        cluster(TENANT_A, A3, "new-aks", "aks", null, null);
        cluster(TENANT_B, B1, "prod-eks", "eks", T1B, SB);
        sql.update("INSERT INTO snapshot_rejections (tenant_id, cluster_id, snapshot_id, code, reason, at) VALUES (?, ?, 'x', 'bad-signature', 'HMAC mismatch', ?)",
                TENANT_A, A3, ts(NOW.minusSeconds(60)));
        scan(TENANT_A, A1, S1A, T1A, 1, 0, 0, 0, 2, 0);
        scan(TENANT_A, A1, S1B, T1B, 2, 1, 0, 0, 1, 1);
        scan(TENANT_A, A2, S2, T2, 1, 0, 0, 0, 1, 0);
        scan(TENANT_B, B1, SB, T1B, 5, 0, 0, 0, 5, 0);
        // A1 last scan: C1 8/10 = 80, C2 3/4 = 75, C3 5/5 = 100, C4 N/A -> NSA 85.00
        summary(TENANT_A, S1B, A1, C1, "failed", 2, 8);
        summary(TENANT_A, S1B, A1, C2, "failed", 1, 3);
        summary(TENANT_A, S1B, A1, C3, "passed", 0, 5);
        summary(TENANT_A, S1B, A1, C4, "not-applicable", 0, 0);
        summary(TENANT_A, S1A, A1, C1, "failed", 1, 9);
        // A2: C1 1/2 = 50, C2 4/4 = 100, C3 N/A -> NSA 75.00
        summary(TENANT_A, S2, A2, C1, "failed", 1, 1);
        summary(TENANT_A, S2, A2, C2, "passed", 0, 4);
        summary(TENANT_A, S2, A2, C3, "not-applicable", 0, 0);
        summary(TENANT_B, SB, B1, C1, "failed", 5, 0);
        score(TENANT_A, S1A, A1, T1A, "90.00");
        score(TENANT_A, S1B, A1, T1B, "85.00");
        score(TENANT_A, S2, A2, T2, "75.00");
        score(TENANT_B, SB, B1, T1B, "0.00");
        long api = finding(TENANT_A, A1, C1, "Deployment", "web", "api", "open", T1A, T1B, null, S1B);
        long pod = finding(TENANT_A, A1, C1, "Pod", "web", "api-7d9-abc", "open", T1B, T1B, null, S1B);
        long billing = finding(TENANT_A, A1, C2, "Deployment", "payments", "billing", "open", T1A, T1B, null, S1B);
        long old = finding(TENANT_A, A1, C3, "Deployment", "web", "old", "resolved", T1A, T1A, T1B, S1A);
        finding(TENANT_A, A2, C1, "Deployment", "default", "api", "open", T2, T2, null, S2);
        finding(TENANT_B, B1, C1, "Deployment", "web", "api", "open", T1B, T1B, null, SB);
        change(TENANT_A, S1A, api, "new", T1A);
        change(TENANT_A, S1A, billing, "new", T1A);
        change(TENANT_A, S1B, pod, "new", T1B);
        change(TENANT_A, S1B, old, "resolved", T1B);
        resource(TENANT_A, A1, "apps/v1", "Deployment", "web", "api", """
                {"metadata":{"name":"api","namespace":"web"},"spec":{"template":{"metadata":{"labels":{"app":"api","tier":"web"}},
                 "spec":{"serviceAccountName":"api-sa","containers":[{"name":"api","image":"api:1"}]}}}}""");
        resource(TENANT_A, A1, "apps/v1", "ReplicaSet", "web", "api-7d9", """
                {"metadata":{"name":"api-7d9","namespace":"web","ownerReferences":[{"kind":"Deployment","name":"api"}]},
                 "spec":{"template":{"metadata":{"labels":{"app":"api"}},"spec":{"containers":[{"name":"api"}]}}}}""");
        resource(TENANT_A, A1, "v1", "Pod", "web", "api-7d9-abc", """
                {"metadata":{"name":"api-7d9-abc","namespace":"web","labels":{"app":"api"},"ownerReferences":[{"kind":"ReplicaSet","name":"api-7d9"}]},
                 "spec":{"serviceAccountName":"api-sa","containers":[{"name":"api"}]}}""");
        resource(TENANT_A, A1, "v1", "Service", "web", "api-svc", "{\"spec\":{\"selector\":{\"app\":\"api\"}}}");
        resource(TENANT_A, A1, "v1", "Service", "web", "other-svc", "{\"spec\":{\"selector\":{\"app\":\"other\"}}}");
        resource(TENANT_A, A1, "networking.k8s.io/v1", "NetworkPolicy", "web", "deny-all", "{\"spec\":{\"podSelector\":{}}}");
        resource(TENANT_A, A1, "rbac.authorization.k8s.io/v1", "RoleBinding", "web", "api-rb",
                "{\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"api-sa\",\"namespace\":\"web\"}],\"roleRef\":{\"kind\":\"Role\",\"name\":\"r\"}}");
        resource(TENANT_B, B1, "apps/v1", "Deployment", "web", "api", "{\"metadata\":{\"name\":\"api\",\"secret-of\":\"tenant-b\"}}");
        sql.update("INSERT INTO resource_changes (tenant_id, scan_id, cluster_id, kind, namespace, name, change) VALUES "
                + "(?, ?, ?, 'Pod', 'web', 'api-7d9-abc', 'added'), (?, ?, ?, 'Deployment', 'web', 'api', 'changed'), "
                + "(?, ?, ?, 'ConfigMap', 'web', 'old-cm', 'removed'), (?, ?, ?, 'Deployment', 'web', 'api', 'added')",
                TENANT_A, S1B, A1, TENANT_A, S1B, A1, TENANT_A, S1B, A1, TENANT_A, S1A, A1);
    }

    public void cluster(UUID tenant, UUID id, String name, String provider, Instant lastSnapshot, UUID lastScan) {
        sql.update("""
                INSERT INTO clusters (id, tenant_id, name, provider, region, kubernetes_version, node_count, agent_version,
                                      secret_ciphertext, last_snapshot_at, last_scan_id)
                VALUES (?, ?, ?, ?, 'eu-1', 'v1.30.1', 3, '0.1.0', '\\x00', ?, ?)
                """, id, tenant, name, provider, lastSnapshot == null ? null : ts(lastSnapshot), lastScan);
    }

    public void scan(UUID tenant, UUID cluster, UUID id, Instant at, int critical, int high, int medium, int low, int added, int resolved) {
        sql.update("""
                INSERT INTO scans (id, tenant_id, cluster_id, snapshot_id, scanned_at, object_count, open_critical, open_high,
                                   open_medium, open_low, new_findings, resolved_findings, library_version)
                VALUES (?, ?, ?, gen_random_uuid(), ?, 42, ?, ?, ?, ?, ?, ?, 'test')
                """, id, tenant, cluster, ts(at), critical, high, medium, low, added, resolved);
    }

    void summary(UUID tenant, UUID scan, UUID cluster, String control, String status, int failed, int passed) {
        sql.update("INSERT INTO scan_control_summaries (tenant_id, scan_id, cluster_id, control_id, status, failed, passed, scanned_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, now())", tenant, scan, cluster, control, status, failed, passed);
    }

    void score(UUID tenant, UUID scan, UUID cluster, Instant at, String score) {
        sql.update("INSERT INTO scan_framework_scores (tenant_id, scan_id, cluster_id, framework, scanned_at, score, controls_passed, "
                + "controls_failed, controls_na, controls_external) VALUES (?, ?, ?, 'NSA', ?, ?::numeric, 1, 2, 1, 0)",
                tenant, scan, cluster, ts(at), score);
    }

    public long finding(UUID tenant, UUID cluster, String control, String kind, String ns, String name, String status,
                        Instant first, Instant last, Instant resolved, UUID lastScan) {
        return sql.queryForObject("""
                INSERT INTO findings (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status, rules,
                                      message, failed_paths, fix_paths, related, first_seen, last_seen, resolved_at, last_scan_id)
                VALUES (?, ?, ?, 'v1', ?, ?, ?, ?, ?, '{rule-a}', 'msg, "quoted"', '["spec.containers[0].image"]',
                        '[{"path":"spec.x","value":"y"}]', '[{"kind":"ServiceAccount","namespace":"web","name":"api-sa"}]', ?, ?, ?, ?)
                RETURNING id
                """, Long.class, tenant, cluster, control, kind, ns, name, severity(control), status, ts(first), ts(last),
                resolved == null ? null : ts(resolved), lastScan);
    }

    void change(UUID tenant, UUID scan, long finding, String change, Instant at) {
        sql.update("INSERT INTO finding_changes (tenant_id, scan_id, finding_id, change, at) VALUES (?, ?, ?, ?, ?)",
                tenant, scan, finding, change, ts(at));
    }

    void resource(UUID tenant, UUID cluster, String apiVersion, String kind, String ns, String name, String body) {
        sql.update("""
                INSERT INTO resources (tenant_id, cluster_id, api_version, kind, namespace, name, body, body_hash, first_seen, last_seen, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, '\\x01', ?, ?, ?)
                """, tenant, cluster, apiVersion, kind, ns, name, body, ts(T1A), ts(T1B), ts(T1B));
    }
}
