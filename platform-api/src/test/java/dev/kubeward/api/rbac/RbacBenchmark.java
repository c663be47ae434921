package dev.kubeward.api.rbac;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.db.tenancy.TenantAwareDataSource;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.rbac.WorkloadIdentity;
import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.infra.postgres.PostgresConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: the RBAC service on a synthetic cluster of {@code roles} roles, as many bindings and
 * {@code workloads} workloads (default 2,500 + 2,500 + 2,000: "5,000 roles and bindings"). Reports the median of
 * five runs after two warm-ups for: building the cluster's RBAC state in memory, effective permissions of every
 * subject, path-to-admin of every workload (with evidence), the graph view within its default budget, the power
 * ranking, and loading the state from PostgreSQL (query, JSON parse, build) as the API does on a cache miss.
 * Run: {@code java -cp <test classpath> dev.kubeward.api.rbac.RbacBenchmark [roles] [workloads]}.
 */
public final class RbacBenchmark {

    private static final ObjectMapper M = new ObjectMapper();

    public static void main(String[] args) {
        int roles = args.length > 0 ? Integer.parseInt(args[0]) : 2500;
        int workloads = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<KubeObject> objects = cluster(roles, workloads);
        System.out.printf("synthetic cluster: %d roles, %d bindings, %d workloads, %d objects; %d cores, JVM max heap %d MB%n",
                roles, roles, workloads, objects.size(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        ClusterRbac[] cr = new ClusterRbac[1];
        time("build (index + graph + risks + admin distances)", () -> cr[0] = ClusterRbacs.fromObjects(UUID.randomUUID(), "bench", objects));
        time("effective permissions of every subject (whatCan)", () -> {
            long grants = 0;
            for (Subject s : cr[0].rbac().subjects()) grants += cr[0].rbac().whatCan(s).size();
            return grants + " grants over " + cr[0].rbac().subjects().size() + " subjects";
        });
        RbacQueries queries = new RbacQueries(null);
        time("path-to-admin of every workload (BFS + evidence)", () -> {
            int reaching = 0;
            for (WorkloadIdentity w : cr[0].workloads()) {
                if (queries.pathToAdmin(cr[0], GraphNode.of(w.workload().ref())).reachesAdmin()) reaching++;
            }
            return reaching + " of " + cr[0].workloads().size() + " workloads reach cluster-admin";
        });
        GraphViews graphs = new GraphViews(null, queries);
        time("graph view, default budget 300", () -> {
            var v = graphs.view(cr[0], new GraphQuery(null, null, RiskLevel.NONE, true, null, GraphQuery.DEFAULT_BUDGET));
            return v.nodes().size() + " nodes, " + v.edges().size() + " edges, " + v.collapsedBindings() + " bindings collapsed";
        });
        time("graph view, risk >= high, budget 3000", () -> {
            var v = graphs.view(cr[0], new GraphQuery(null, null, RiskLevel.HIGH, true, null, GraphQuery.MAX_BUDGET));
            return v.nodes().size() + " nodes";
        });
        time("riskiest subjects table (rank all, top 10 with reach)", () -> {
            ClusterRbac fresh = ClusterRbacs.fromObjects(UUID.randomUUID(), "bench", objects);
            long start = System.nanoTime();
            var top = fresh.ranking().subList(0, 10);
            int reach = 0;
            for (var r : top) reach += fresh.reachableIdentities(r.subject());
            return fresh.ranking().size() + " ranked in " + (System.nanoTime() - start) / 1_000_000 + " ms after the build (included in the time)";
        });
        database(objects);
    }

    private static void database(List<KubeObject> objects) {
        PostgresConnection db = RbacTestData.migratedDatabase();
        JdbcTemplate owner = new JdbcTemplate(db.dataSource());
        UUID tenant = UUID.randomUUID();
        UUID cluster = UUID.randomUUID();
        RbacTestData.tenant(owner, tenant, "bench");
        RbacTestData.cluster(owner, tenant, cluster, "bench", UUID.randomUUID());
        RbacTestData.objects(owner, tenant, cluster, objects);
        ClusterRbacs clusters = new ClusterRbacs(new JdbcTemplate(new TenantAwareDataSource(db.dataSource())), 1);
        time("cache miss: load from PostgreSQL + parse + build", () -> TenantContext.callAs(tenant, () -> {
            owner.update("UPDATE clusters SET last_scan_id = ? WHERE id = ?", UUID.randomUUID(), cluster);
            return clusters.of(cluster).rbac().grants().size() + " grants";
        }));
        time("cache hit", () -> TenantContext.callAs(tenant, () -> clusters.of(cluster).clusterName()));
    }

    private static void time(String what, Supplier<Object> work) {
        for (int i = 0; i < 2; i++) work.get();
        long[] ms = new long[5];
        Object result = null;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            result = work.get();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("%-55s median %5d ms (min %d, max %d)  %s%n", what, ms[2], ms[0], ms[4],
                result instanceof ClusterRbac ? "" : result);
    }

    /**
     * A cluster shaped like real ones: 100 namespaces; 90 % namespaced Roles with RoleBindings, 10 % ClusterRoles with
     * ClusterRoleBindings; rules over pods, secrets, deployments, exec, configmaps; a few dangerous (create pods in
     * kube-system, two cluster-admin grants); 2,000 service accounts, users and groups shared across bindings.
     */
    static List<KubeObject> cluster(int roles, int workloads) {
        List<KubeObject> objects = new ArrayList<>();
        String[][] resources = {{"", "pods"}, {"", "secrets"}, {"", "configmaps"}, {"apps", "deployments"}, {"", "services"},
                {"", "pods/exec"}, {"batch", "jobs"}};
        for (int n = 0; n < 100; n++) objects.add(KubeObject.of(obj("v1", "Namespace", null, "ns" + n)));
        objects.add(KubeObject.of(obj("v1", "Namespace", null, "kube-system")));
        objects.add(KubeObject.of(clusterAdmin()));
        for (int i = 0; i < roles; i++) {
            boolean admin = i % 1250 == 7; // two ClusterRoleBindings to cluster-admin
            boolean cluster = i % 10 == 0 || admin;
            String ns = i % 997 == 0 ? "kube-system" : "ns" + (i % 100);
            ObjectNode role = obj("rbac.authorization.k8s.io/v1", cluster ? "ClusterRole" : "Role", cluster ? null : ns, "role" + i);
            ArrayNode rules = role.putArray("rules");
            for (int r = 0; r < 4; r++) {
                String[] res = resources[(i + r) % resources.length];
                ObjectNode rule = rules.addObject();
                rule.putArray("apiGroups").add(res[0]);
                rule.putArray("resources").add(res[1]);
                ArrayNode verbs = rule.putArray("verbs").add("get").add("list");
                if (r == 3) verbs.add("create");
            }
            objects.add(KubeObject.of(role));
            ObjectNode b = obj("rbac.authorization.k8s.io/v1", cluster ? "ClusterRoleBinding" : "RoleBinding", cluster ? null : ns, "binding" + i);
            b.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", cluster ? "ClusterRole" : "Role")
                    .put("name", admin ? "cluster-admin" : "role" + i);
            ArrayNode subjects = b.putArray("subjects");
            subjects.addObject().put("kind", "ServiceAccount").put("name", "sa" + ((i / 100) % 20)).put("namespace", "ns" + (i % 100));
            if (i % 3 == 0) subjects.addObject().put("kind", "User").put("name", "user" + (i % 300));
            if (i % 7 == 0) subjects.addObject().put("kind", "Group").put("name", "team" + (i % 40));
            objects.add(KubeObject.of(b));
        }
        for (int n = 0; n < 100; n++) {
            for (int s = 0; s < 20; s++) objects.add(KubeObject.of(obj("v1", "ServiceAccount", "ns" + n, "sa" + s)));
        }
        for (int i = 0; i < workloads; i++) {
            ObjectNode d = obj("apps/v1", "Deployment", "ns" + (i % 100), "app" + i);
            ObjectNode spec = d.putObject("spec").putObject("template").putObject("spec");
            spec.put("serviceAccountName", "sa" + ((i / 100) % 20));
            spec.putArray("containers").addObject().put("name", "c").put("image", "app:" + i);
            objects.add(KubeObject.of(d));
        }
        return objects;
    }

    private static ObjectNode clusterAdmin() {
        ObjectNode cr = obj("rbac.authorization.k8s.io/v1", "ClusterRole", null, "cluster-admin");
        ObjectNode rule = cr.putArray("rules").addObject();
        rule.putArray("apiGroups").add("*");
        rule.putArray("resources").add("*");
        rule.putArray("verbs").add("*");
        return cr;
    }

    private static ObjectNode obj(String apiVersion, String kind, String ns, String name) {
        ObjectNode o = M.createObjectNode();
        o.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = o.putObject("metadata").put("name", name);
        if (ns != null) meta.put("namespace", ns);
        return o;
    }

    private RbacBenchmark() {
    }
}
