package dev.kubeward.engine.rbac.graph;

import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.WorkloadIdentity;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.rbac.rules.GrantMatcher;
import dev.kubeward.engine.snapshot.SnapshotIndex;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.graph.MaskSubgraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.kubeward.engine.rbac.rules.Probe.can;

/**
 * The RBAC state of a snapshot as a graph (design/RBAC.md §2): identities, bindings, roles, namespaces and
 * workloads, with structural edges (SUBJECT_OF, REFERS_TO, AGGREGATES, MEMBER_OF, RUNS_AS, CONTAINS) and derived
 * CAN_BECOME edges labelled with the risk rule that makes them (R15/R16 create pods or workloads, R11/R12 mint a
 * token, R09 impersonate, R06/R07 escalate or bind, R18/R21 exec or kubelet access). Answers the visualiser's
 * queries: {@link #pathToAdmin}, {@link #unusedRoles}, {@link #danglingBindings}, {@link #bindingsWithoutSubjects},
 * {@link #mostPowerfulSubjects}. A pure library: build once per snapshot, then query; not thread-safe while building.
 */
public final class RbacGraph {

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final GrantMatcher BECOME_NAMESPACE_SA = GrantMatcher.anyOf(can(List.of("create"), "", "pods"),
            can(List.of("create", "update", "patch"), "apps", "deployments", "daemonsets", "statefulsets", "replicasets"),
            can(List.of("create", "update", "patch"), "batch", "jobs", "cronjobs"),
            can(List.of("create", "update", "patch"), "", "secrets"), can(List.of("create"), "", "serviceaccounts/token"),
            can(List.of("impersonate"), "", "serviceaccounts"));
    private static final GrantMatcher EXEC = can(List.of("create", "get"), "", "pods/exec", "pods/attach");
    private static final GrantMatcher NODES_PROXY = can(List.of("get", "create"), "", "nodes/proxy");
    private static final GrantMatcher IMPERSONATE_ANYONE = can(List.of("impersonate"), "", "groups", "users");
    private static final GrantMatcher ESCALATE = can(List.of("escalate"), RBAC, "clusterroles");
    private static final GrantMatcher BIND = can(List.of("bind"), RBAC, "clusterroles");
    private static final GrantMatcher WRITE_CRB = can(List.of("create", "update", "patch"), RBAC, "clusterrolebindings");

    private final Graph<GraphNode, GraphEdge> graph = new DirectedPseudograph<>(GraphEdge.class);
    private final Graph<GraphNode, GraphEdge> attack;
    private final RbacIndex rbac;
    private final Set<String> edgeKeys = new HashSet<>();
    private final Set<String> namespaces = new TreeSet<>();

    private RbacGraph(SnapshotIndex index) {
        this.rbac = RbacIndex.of(index);
        graph.addVertex(GraphNode.CLUSTER_ADMIN);
        List<WorkloadIdentity> workloads = WorkloadIdentity.all(index);
        index.ofKind("Namespace").forEach(n -> namespaces.add(n.name()));
        for (KubeObject sa : index.ofKind("ServiceAccount")) addIdentity(Subject.serviceAccount(ns(sa.namespace()), sa.name()));
        for (Binding b : rbac.bindings()) addBinding(b);
        for (Role r : rbac.roles()) addRole(r);
        for (WorkloadIdentity w : workloads) addWorkload(w);
        for (String ns : namespaces) graph.addVertex(GraphNode.namespace(ns));
        deriveCanBecome();
        link(new GraphNode(GraphNode.Type.GROUP, null, Subject.MASTERS), GraphNode.CLUSTER_ADMIN, GraphEdge.Type.IS_ADMIN, "system:masters", false);
        this.attack = new MaskSubgraph<>(graph, v -> false, e -> !e.traversable());
    }

    public static RbacGraph of(SnapshotIndex index) {
        return new RbacGraph(index);
    }

    private static String ns(String ns) {
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    private void link(GraphNode from, GraphNode to, GraphEdge.Type type, String label, boolean flag) {
        if (!edgeKeys.add(from + "\u0000" + to + "\u0000" + type + "\u0000" + label + "\u0000" + flag)) return;
        graph.addVertex(from);
        graph.addVertex(to);
        graph.addEdge(from, to, new GraphEdge(type, label, flag));
    }

    private GraphNode addIdentity(Subject s) {
        GraphNode node = GraphNode.of(s);
        graph.addVertex(node);
        switch (s.kind()) {
            case ServiceAccount -> {
                namespaces.add(s.namespace());
                GraphNode nsGroup = GraphNode.of(Subject.group(Subject.SERVICE_ACCOUNTS + ":" + s.namespace()));
                link(node, nsGroup, GraphEdge.Type.MEMBER_OF, null, false);
                link(nsGroup, GraphNode.of(Subject.group(Subject.SERVICE_ACCOUNTS)), GraphEdge.Type.MEMBER_OF, null, false);
                link(GraphNode.of(Subject.group(Subject.SERVICE_ACCOUNTS)), GraphNode.of(Subject.group(Subject.AUTHENTICATED)),
                        GraphEdge.Type.MEMBER_OF, null, false);
                link(GraphNode.namespace(s.namespace()), node, GraphEdge.Type.CONTAINS, null, false);
            }
            case User -> link(node, GraphNode.of(Subject.group(Subject.ANONYMOUS.equals(s.name())
                    ? Subject.UNAUTHENTICATED : Subject.AUTHENTICATED)), GraphEdge.Type.MEMBER_OF, null, false);
            default -> { }
        }
        return node;
    }

    private void addBinding(Binding b) {
        GraphNode bn = GraphNode.of(b.ref());
        graph.addVertex(bn);
        if (!b.clusterWide()) namespaces.add(b.namespace());
        for (Subject s : b.subjects()) link(addIdentity(s), bn, GraphEdge.Type.SUBJECT_OF, null, false);
        GraphNode role = b.role() != null ? GraphNode.of(b.role().ref()) : b.roleKind().equals("Role")
                ? new GraphNode(GraphNode.Type.ROLE, b.namespace(), b.roleName()) : new GraphNode(GraphNode.Type.CLUSTER_ROLE, null, b.roleName());
        link(bn, role, GraphEdge.Type.REFERS_TO, null, b.role() == null);
    }

    private void addRole(Role r) {
        GraphNode rn = GraphNode.of(r.ref());
        graph.addVertex(rn);
        if (!r.aggregated()) return;
        List<KubeObject> byName = new ArrayList<>(rbac.roles().stream().filter(Role::clusterRole).map(Role::object).toList());
        byName.sort(Comparator.comparing(o -> o.name() == null ? "" : o.name()));
        for (KubeObject src : dev.kubeward.engine.rbac.permission.Aggregation.sourcesOf(r.object(), byName)) {
            link(rn, GraphNode.of(src.ref()), GraphEdge.Type.AGGREGATES, null, false);
        }
    }

    private void addWorkload(WorkloadIdentity w) {
        GraphNode wn = GraphNode.of(w.workload().ref());
        GraphNode sa = addIdentity(w.serviceAccount());
        link(wn, sa, GraphEdge.Type.RUNS_AS, null, w.tokenMounted());
        if (w.tokenMounted()) {
            link(new GraphNode(GraphNode.Type.POD_IDENTITIES, w.serviceAccount().namespace(), "pods"), sa,
                    GraphEdge.Type.CONTAINS, null, false);
        }
    }

    private void deriveCanBecome() {
        Map<Subject, boolean[]> bindAndWrite = new HashMap<>();
        for (Grant g : rbac.grants()) {
            GraphNode from = GraphNode.of(g.subject());
            List<String> scope = g.clusterWide() ? List.copyOf(namespaces) : List.of(g.namespace());
            if (g.clusterWide() && g.rule().isWildcardAdmin()) link(from, GraphNode.CLUSTER_ADMIN, GraphEdge.Type.IS_ADMIN, "R01", false);
            if (BECOME_NAMESPACE_SA.test(g)) {
                String label = labelOf(g);
                for (String ns : scope) link(from, GraphNode.namespace(ns), GraphEdge.Type.CAN_BECOME, label, false);
            }
            if (EXEC.test(g)) for (String ns : scope) link(from, podIdentities(ns), GraphEdge.Type.CAN_BECOME, "R18", false);
            if (g.clusterWide() && NODES_PROXY.test(g)) {
                for (String ns : namespaces) link(from, podIdentities(ns), GraphEdge.Type.CAN_BECOME, "R21", false);
            }
            if (g.clusterWide() && IMPERSONATE_ANYONE.test(g)) {
                link(from, GraphNode.of(Subject.group(Subject.MASTERS)), GraphEdge.Type.CAN_BECOME, "R09", false);
            }
            if (g.clusterWide() && ESCALATE.test(g)) link(from, GraphNode.CLUSTER_ADMIN, GraphEdge.Type.CAN_BECOME, "R06", false);
            if (g.clusterWide()) {
                boolean[] bw = bindAndWrite.computeIfAbsent(g.subject(), k -> new boolean[2]);
                bw[0] |= BIND.test(g);
                bw[1] |= WRITE_CRB.test(g);
            }
        }
        bindAndWrite.forEach((s, bw) -> {
            if (bw[0] && bw[1]) link(GraphNode.of(s), GraphNode.CLUSTER_ADMIN, GraphEdge.Type.CAN_BECOME, "R07", false);
        });
    }

    private GraphNode podIdentities(String ns) {
        GraphNode n = new GraphNode(GraphNode.Type.POD_IDENTITIES, ns, "pods");
        graph.addVertex(n);
        return n;
    }

    private static String labelOf(Grant g) {
        if (can(List.of("create"), "", "pods").test(g)) return "R15";
        if (can(List.of("create"), "", "serviceaccounts/token").test(g)) return "R12";
        if (can(List.of("create", "update", "patch"), "", "secrets").test(g)) return "R11";
        if (can(List.of("impersonate"), "", "serviceaccounts").test(g)) return "R09";
        return "R16";
    }

    /** The underlying graph (read-only use): vertices and every edge. */
    public Graph<GraphNode, GraphEdge> graph() {
        return graph;
    }

    /**
     * The shortest chain by which this workload or identity reaches full control of the cluster, over RUNS_AS (with a
     * mounted token), MEMBER_OF, CAN_BECOME and IS_ADMIN edges; empty when there is none.
     */
    public Optional<GraphPath<GraphNode, GraphEdge>> pathToAdmin(GraphNode start) {
        if (!graph.containsVertex(start)) return Optional.empty();
        return Optional.ofNullable(new BFSShortestPath<>(attack).getPath(start, GraphNode.CLUSTER_ADMIN));
    }

    public Optional<GraphPath<GraphNode, GraphEdge>> pathToAdmin(Subject subject) {
        return pathToAdmin(GraphNode.of(subject));
    }

    /** For a workload (Pod, Deployment, …) given by its reference. */
    public Optional<GraphPath<GraphNode, GraphEdge>> pathToAdmin(ObjectRef workload) {
        return pathToAdmin(GraphNode.of(workload));
    }

    /** Roles of the user's own that nothing binds and no aggregated ClusterRole draws from (H3). */
    public List<Role> unusedRoles() {
        return rbac.unreferencedRoles().stream().filter(r -> !r.builtIn() && !rbac.isAggregationSource(r)).toList();
    }

    /** Bindings whose role does not exist (H1). */
    public List<Binding> danglingBindings() {
        return rbac.danglingBindings();
    }

    /** Bindings without any subject (H4); built-in ones (the {@code system:node} binding) excluded. */
    public List<Binding> bindingsWithoutSubjects() {
        return rbac.bindings().stream().filter(b -> b.declaredSubjects() == 0 && !b.builtIn()).toList();
    }

    /** How powerful an identity is: admin paths first (fewest hops), then how many identities it can become. */
    public record Power(GraphNode subject, int hopsToAdmin, int reachableIdentities, int grants) {
        public boolean admin() {
            return hopsToAdmin >= 0;
        }
    }

    /** The most powerful identities named in bindings, most powerful first. */
    public List<Power> mostPowerfulSubjects(int limit) {
        List<Power> out = new ArrayList<>();
        BFSShortestPath<GraphNode, GraphEdge> bfs = new BFSShortestPath<>(attack);
        for (Subject s : rbac.subjects()) {
            GraphNode n = GraphNode.of(s);
            var paths = bfs.getPaths(n);
            GraphPath<GraphNode, GraphEdge> toAdmin = paths.getPath(GraphNode.CLUSTER_ADMIN);
            int reachable = 0;
            for (GraphNode v : attack.vertexSet()) if (v.identity() && !v.equals(n) && paths.getPath(v) != null) reachable++;
            out.add(new Power(n, toAdmin == null ? -1 : toAdmin.getLength(), reachable, rbac.grantsOf(s).size()));
        }
        out.sort(Comparator.comparing((Power p) -> p.admin() ? 0 : 1).thenComparingInt(p -> p.admin() ? p.hopsToAdmin() : 0)
                .thenComparing(Comparator.comparingInt(Power::reachableIdentities).reversed())
                .thenComparing(Comparator.comparingInt(Power::grants).reversed()).thenComparing(p -> p.subject().toString()));
        return out.subList(0, Math.min(limit, out.size()));
    }
}
