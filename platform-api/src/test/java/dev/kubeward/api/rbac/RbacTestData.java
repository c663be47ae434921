package dev.kubeward.api.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.manifest.ManifestReader;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.infra.postgres.PostgresConnection;
import dev.kubeward.infra.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fixtures for the RBAC tests: a migrated fresh database, tenants and clusters, and {@code resources} rows written as
 * the worker writes them. The demo cluster is the embedded demo's prod-eu-eks RBAC (Kubernetes' bootstrap RBAC,
 * ingress-nginx, the leftover debug tools) plus {@link #EXTRA}: a workload with a two-hop path to cluster-admin and
 * one example of each clean-up problem.
 */
final class RbacTestData {

    static final Set<String> CLUSTER_SCOPED = Set.of("ClusterRole", "ClusterRoleBinding", "Namespace", "Node", "PersistentVolume",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "IngressClass", "CustomResourceDefinition");

    static final String EXTRA = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: apps}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: apps}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: apps}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  serviceAccountName: web
                  containers: [{name: web, image: nginx:1.27}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ci-runner, namespace: kube-system}
            spec:
              selector: {matchLabels: {app: ci}}
              template:
                metadata: {labels: {app: ci}}
                spec:
                  serviceAccountName: ci-deployer
                  containers: [{name: ci, image: ci:1}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-creator, namespace: kube-system}
            rules: [{apiGroups: [""], resources: [pods], verbs: [create, get, list]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: web-pod-creator, namespace: kube-system}
            subjects: [{kind: ServiceAccount, name: web, namespace: apps}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-creator}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: alice-view}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: alice-edit, namespace: apps}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: secret-reader, namespace: apps}
            rules: [{apiGroups: [""], resources: [secrets], verbs: [get, list, watch]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: devs-secrets, namespace: apps}
            subjects: [{kind: Group, name: dev-team, apiGroup: rbac.authorization.k8s.io}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: ghost, namespace: apps}
            subjects: [{kind: User, name: bob, apiGroup: rbac.authorization.k8s.io}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: does-not-exist}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: empty, namespace: apps}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: robot-binding, namespace: apps}
            subjects: [{kind: ServiceAccount, name: robot, namespace: apps}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: orphan, namespace: apps}
            rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
            """;

    /** Tenant B's cluster: alice again, with far less. */
    static final String OTHER = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: alice-reader}
            subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            """;

    private RbacTestData() {
    }

    static PostgresConnection migratedDatabase() {
        PostgresConnection db = TestInfrastructure.freshDatabase();
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** The demo cluster's objects: bootstrap RBAC, ingress-nginx, debug tools, and {@link #EXTRA}. */
    static List<KubeObject> demoCluster() {
        List<KubeObject> objects = new ArrayList<>();
        for (String f : List.of("cluster-roles", "cluster-role-bindings", "controller-roles", "controller-role-bindings",
                "namespace-roles", "namespace-role-bindings")) {
            read("/demo/common/k8s-bootstrap-rbac/" + f + ".yaml", objects);
        }
        read("/demo/common/ingress-nginx.yaml", objects);
        read("/demo/extra/debug-tools.yaml", objects);
        parse(EXTRA, "extra", objects);
        return normalised(objects);
    }

    static List<KubeObject> parse(String yaml) {
        List<KubeObject> objects = new ArrayList<>();
        parse(yaml, "inline", objects);
        return normalised(objects);
    }

    private static void parse(String yaml, String source, List<KubeObject> objects) {
        new ManifestReader().read(yaml, source, objects, new ArrayList<>());
    }

    private static void read(String resource, List<KubeObject> objects) {
        try (InputStream in = RbacTestData.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Namespaced objects without a namespace go to {@code default}, as the API server would put them. */
    private static List<KubeObject> normalised(List<KubeObject> objects) {
        List<KubeObject> out = new ArrayList<>();
        for (KubeObject o : objects) {
            if (!CLUSTER_SCOPED.contains(o.kind()) && (o.namespace() == null || o.namespace().isEmpty())) {
                ObjectNode json = o.json().deepCopy();
                ((ObjectNode) json.path("metadata")).put("namespace", "default");
                out.add(KubeObject.of(json));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    static void tenant(JdbcTemplate owner, UUID id, String slug) {
        owner.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)", id, slug, slug);
    }

    static void cluster(JdbcTemplate owner, UUID tenant, UUID id, String name, UUID scanId) {
        owner.update("""
                INSERT INTO clusters (id, tenant_id, name, provider, kubernetes_version, node_count, secret_ciphertext, last_scan_id)
                VALUES (?, ?, ?, 'eks', 'v1.30.4', 3, ?, ?)""", id, tenant, name, new byte[]{1}, scanId);
    }

    static void objects(JdbcTemplate owner, UUID tenant, UUID cluster, List<KubeObject> objects) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (KubeObject o : objects) {
            String body = o.json().toString();
            rows.add(new Object[]{tenant, cluster, o.ref().apiVersion() == null ? "v1" : o.ref().apiVersion(), o.kind(),
                    o.namespace() == null ? "" : o.namespace(), o.name(), body, sha256(body), now, now, now});
        }
        owner.batchUpdate("""
                INSERT INTO resources (tenant_id, cluster_id, api_version, kind, namespace, name, body, body_hash,
                                       first_seen, last_seen, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", rows);
    }

    static void finding(JdbcTemplate owner, UUID tenant, UUID cluster, String control, String kind, String ns, String name, String message) {
        owner.update("""
                INSERT INTO findings (tenant_id, cluster_id, control_id, api_version, kind, namespace, name, severity, status, message,
                                      first_seen, last_seen, last_scan_id)
                VALUES (?, ?, ?, 'rbac.authorization.k8s.io/v1', ?, ?, ?, 'critical', 'open', ?, now(), now(), ?)""",
                tenant, cluster, control, kind, ns, name, message, UUID.randomUUID());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
