package dev.kubeward.api.rbac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.model.ClusterInfo;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The tenant's clusters and their RBAC state, read from the latest stored objects ({@code resources}) and kept in a
 * small LRU cache keyed by (tenant, cluster, last scan): a new scan makes a new key, so answers never outlive the
 * objects they were computed from, and concurrent requests for the same cluster build it once.
 */
@Component
public class ClusterRbacs {

    /** RBAC kinds, the workloads that run as service accounts, and namespaces: all the graph needs. */
    static final List<String> KINDS = List.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount",
            "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController", "Namespace");

    private static final String CLUSTERS = """
            SELECT id, name, provider, kubernetes_version, node_count, last_scan_id
              FROM clusters WHERE tenant_id = ? ORDER BY name, id
            """;
    private static final String CLUSTER = """
            SELECT id, name, provider, kubernetes_version, node_count, last_scan_id
              FROM clusters WHERE tenant_id = ? AND id = ?
            """;
    private static final String OBJECTS = """
            SELECT api_version, kind, namespace, name, body::text FROM resources
             WHERE tenant_id = ? AND cluster_id = ? AND deleted_at IS NULL AND kind = ANY (?)
             ORDER BY kind, namespace, name
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final RiskCatalogue catalogue = new RiskCatalogue();
    private final int capacity;
    private final Map<Key, CompletableFuture<ClusterRbac>> cache;

    /** A registered cluster of the tenant. */
    public record ClusterRow(UUID id, String name, String provider, String kubernetesVersion, Integer nodeCount, UUID lastScanId) {
    }

    private record Key(UUID tenant, UUID cluster, UUID scan) {
    }

    @Autowired
    public ClusterRbacs(JdbcTemplate jdbc) {
        this(jdbc, 8);
    }

    public ClusterRbacs(JdbcTemplate jdbc, int capacity) {
        this.jdbc = jdbc;
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<ClusterRbac>> eldest) {
                return size() > ClusterRbacs.this.capacity;
            }
        };
    }

    public List<ClusterRow> clusters() {
        return jdbc.query(CLUSTERS, (rs, i) -> row(rs), TenantContext.require());
    }

    public ClusterRow cluster(UUID clusterId) {
        if (clusterId == null) throw new RbacBadRequest("cluster is required");
        return jdbc.query(CLUSTER, (rs, i) -> row(rs), TenantContext.require(), clusterId).stream().findFirst()
                .orElseThrow(() -> new RbacNotFound("cluster " + clusterId + " not found"));
    }

    /** The RBAC state of the cluster as of its last scan. */
    public ClusterRbac of(UUID clusterId) {
        return of(cluster(clusterId));
    }

    public ClusterRbac of(ClusterRow c) {
        UUID tenant = TenantContext.require();
        Key key = new Key(tenant, c.id(), c.lastScanId());
        CompletableFuture<ClusterRbac> future;
        boolean mine = false;
        synchronized (cache) {
            future = cache.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                cache.put(key, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(build(tenant, c));
            } catch (RuntimeException e) {
                synchronized (cache) {
                    cache.remove(key);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        return future.join();
    }

    private ClusterRbac build(UUID tenant, ClusterRow c) {
        List<KubeObject> objects = new ArrayList<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement(OBJECTS);
            ps.setObject(1, tenant);
            ps.setObject(2, c.id());
            ps.setArray(3, con.createArrayOf("text", KINDS.toArray()));
            ps.setFetchSize(500);
            return ps;
        }, rs -> {
            objects.add(object(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        });
        ClusterInfo info = new ClusterInfo(provider(c.provider()), c.kubernetesVersion(), c.nodeCount() == null ? 0 : c.nodeCount());
        return new ClusterRbac(c.id(), c.name(), c.lastScanId(), new Snapshot(info, objects), catalogue);
    }

    /** Builds the RBAC state of objects held in memory (benchmarks, previews). */
    public static ClusterRbac fromObjects(UUID clusterId, String name, List<KubeObject> objects) {
        return new ClusterRbac(clusterId, name, null, Snapshot.of(objects), new RiskCatalogue());
    }

    // NB: the stored body is the object as the agent sent it; identity columns fill in what a stripped body lacks.
    private static KubeObject object(String apiVersion, String kind, String namespace, String name, String body) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(body);
            if (!json.hasNonNull("apiVersion")) json.put("apiVersion", apiVersion);
            if (!json.hasNonNull("kind")) json.put("kind", kind);
            ObjectNode meta = json.has("metadata") && json.get("metadata").isObject() ? (ObjectNode) json.get("metadata") : json.putObject("metadata");
            if (!meta.hasNonNull("name")) meta.put("name", name);
            if (!meta.hasNonNull("namespace") && namespace != null && !namespace.isEmpty()) meta.put("namespace", namespace);
            return new KubeObject(json, "api-server", 0);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored object " + kind + "/" + namespace + "/" + name + " is not JSON", e);
        }
    }

    private static ClusterInfo.Provider provider(String id) {
        if (id == null) return ClusterInfo.Provider.UNKNOWN;
        for (ClusterInfo.Provider p : ClusterInfo.Provider.values()) if (p.id().equalsIgnoreCase(id.trim())) return p;
        return ClusterInfo.Provider.UNKNOWN;
    }

    private static ClusterRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ClusterRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                (Integer) rs.getObject(5), rs.getObject(6, UUID.class));
    }
}
