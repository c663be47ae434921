package dev.kubeward.api.rbac;

import dev.kubeward.engine.model.Snapshot;
import dev.kubeward.engine.rbac.WorkloadIdentity;
import dev.kubeward.engine.rbac.graph.GraphEdge;
import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.graph.RbacGraph;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.RbacIndex;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;
import dev.kubeward.engine.snapshot.SnapshotIndex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC state of one cluster as of one scan, built once from its stored objects and shared by every request
 * until the next scan: the engine's {@link RbacIndex} and {@link RbacGraph}, the risk of every binding and role,
 * and how far each identity is from cluster-admin. Immutable after construction except for memoised answers;
 * safe to share between request threads.
 */
public final class ClusterRbac {

    private final UUID clusterId;
    private final String clusterName;
    private final UUID scanId;
    private final SnapshotIndex index;
    private final RbacIndex rbac;
    private final RbacGraph graph;
    private final RiskCatalogue catalogue;
    private final Map<GraphNode, Integer> hopsToAdmin = new HashMap<>();
    private final Map<String, Binding> bindingsById = new HashMap<>();
    private final Map<String, Role> rolesById = new HashMap<>();
    private final Map<String, List<Binding>> bindingsByRole = new HashMap<>();
    private final Map<Subject, List<Binding>> bindingsBySubject = new HashMap<>();
    private final Map<Binding, RiskLevel> bindingRisk = new IdentityHashMap<>();
    private final Map<Role, RiskLevel> roleRisk = new IdentityHashMap<>();
    private final Map<Subject, RiskLevel> subjectRisk = new ConcurrentHashMap<>();
    private final List<WorkloadIdentity> workloads;
    private volatile List<Ranked> ranking;

    ClusterRbac(UUID clusterId, String clusterName, UUID scanId, Snapshot snapshot, RiskCatalogue catalogue) {
        this.clusterId = clusterId;
        this.clusterName = clusterName;
        this.scanId = scanId;
        this.catalogue = catalogue;
        this.index = new SnapshotIndex(snapshot);
        this.rbac = RbacIndex.build(index);
        this.graph = RbacGraph.of(index);
        this.workloads = WorkloadIdentity.all(index);
        for (Role r : rbac.roles()) {
            rolesById.put(NodeIds.of(r), r);
            RiskLevel level = RiskLevel.NONE;
            for (var rule : r.rules()) level = RiskLevel.max(level, catalogue.level(rule, r.clusterRole()));
            roleRisk.put(r, level);
        }
        for (Binding b : rbac.bindings()) {
            bindingsById.put(NodeIds.of(b), b);
            bindingsByRole.computeIfAbsent(NodeIds.roleOf(b), k -> new ArrayList<>()).add(b);
            for (Subject s : b.subjects()) bindingsBySubject.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
            RiskLevel level = b.role() == null ? RiskLevel.MEDIUM : RiskLevel.NONE; // H1: a dormant grant
            if (b.role() != null) for (var rule : b.role().rules()) level = RiskLevel.max(level, catalogue.level(rule, b.clusterWide()));
            bindingRisk.put(b, level);
        }
        distancesToAdmin();
    }

    /** Reverse breadth-first search from cluster-admin over the attack edges: every identity's hop count, at once. */
    private void distancesToAdmin() {
        var g = graph.graph();
        Deque<GraphNode> queue = new ArrayDeque<>();
        hopsToAdmin.put(GraphNode.CLUSTER_ADMIN, 0);
        queue.add(GraphNode.CLUSTER_ADMIN);
        while (!queue.isEmpty()) {
            GraphNode n = queue.poll();
            int d = hopsToAdmin.get(n);
            for (GraphEdge e : g.incomingEdgesOf(n)) {
                if (!e.traversable()) continue;
                GraphNode from = g.getEdgeSource(e);
                if (hopsToAdmin.putIfAbsent(from, d + 1) == null) queue.add(from);
            }
        }
    }

    public UUID clusterId() { return clusterId; }
    public String clusterName() { return clusterName; }
    public UUID scanId() { return scanId; }
    public SnapshotIndex index() { return index; }
    public RbacIndex rbac() { return rbac; }
    public RbacGraph graph() { return graph; }
    public RiskCatalogue catalogue() { return catalogue; }
    public List<WorkloadIdentity> workloads() { return workloads; }

    /** Hops from this node to cluster-admin over attack edges, or empty when it cannot get there. */
    public Optional<Integer> hopsToAdmin(GraphNode n) {
        return Optional.ofNullable(hopsToAdmin.get(n));
    }

    public Optional<Binding> binding(String id) {
        return Optional.ofNullable(bindingsById.get(id));
    }

    public Optional<Role> role(String id) {
        return Optional.ofNullable(rolesById.get(id));
    }

    /** Bindings that name this role id (existing or not). */
    public List<Binding> bindingsOfRole(String roleId) {
        return bindingsByRole.getOrDefault(roleId, List.of());
    }

    /** Bindings that name exactly this subject. */
    public List<Binding> bindingsOf(Subject s) {
        return bindingsBySubject.getOrDefault(s, List.of());
    }

    public RiskLevel risk(Binding b) {
        return bindingRisk.getOrDefault(b, RiskLevel.NONE);
    }

    public RiskLevel risk(Role r) {
        return roleRisk.getOrDefault(r, RiskLevel.NONE);
    }

    /** The worst of what the subject may do (its groups' grants included); critical when it can become cluster-admin. */
    public RiskLevel risk(Subject s) {
        return subjectRisk.computeIfAbsent(s, k -> {
            if (hopsToAdmin.containsKey(GraphNode.of(k))) return RiskLevel.CRITICAL;
            RiskLevel level = RiskLevel.NONE;
            for (Grant g : rbac.whatCan(k)) {
                level = RiskLevel.max(level, catalogue.level(g.rule(), g.clusterWide()));
                if (level == RiskLevel.CRITICAL) break;
            }
            return level;
        });
    }

    /** A subject with what ranks it: hops to cluster-admin (null when none), worst risk, grants naming it. */
    public record Ranked(Subject subject, Integer hopsToAdmin, RiskLevel risk, int grants) {
    }

    /**
     * Every subject named by a binding, most powerful first: those that can become cluster-admin (fewest hops),
     * then by risk, then by how many grants name them. Computed once per scan from the admin distances of one
     * reverse search. NB: the engine's {@code mostPowerfulSubjects} searches from every subject (7.7 s for 2,000
     * subjects on the benchmark cluster); here only the rows shown get a forward search ({@link #reachableIdentities}).
     */
    public List<Ranked> ranking() {
        List<Ranked> r = ranking;
        if (r == null) {
            List<Ranked> out = new ArrayList<>();
            for (Subject s : rbac.subjects()) {
                out.add(new Ranked(s, hopsToAdmin.get(GraphNode.of(s)), risk(s), rbac.grantsOf(s).size()));
            }
            out.sort(java.util.Comparator.comparing((Ranked x) -> x.hopsToAdmin() == null ? Integer.MAX_VALUE : x.hopsToAdmin())
                    .thenComparing(Ranked::risk, java.util.Comparator.reverseOrder())
                    .thenComparing(Ranked::grants, java.util.Comparator.reverseOrder())
                    .thenComparing(Ranked::subject));
            ranking = r = List.copyOf(out);
        }
        return r;
    }

    /** How many other identities the subject can act as, over the attack edges (one breadth-first search). */
    public int reachableIdentities(Subject s) {
        var g = graph.graph();
        GraphNode start = GraphNode.of(s);
        if (!g.containsVertex(start)) return 0;
        java.util.Set<GraphNode> seen = new java.util.HashSet<>();
        Deque<GraphNode> queue = new ArrayDeque<>();
        seen.add(start);
        queue.add(start);
        int identities = 0;
        while (!queue.isEmpty()) {
            GraphNode n = queue.poll();
            for (GraphEdge e : g.outgoingEdgesOf(n)) {
                if (!e.traversable()) continue;
                GraphNode to = g.getEdgeTarget(e);
                if (seen.add(to)) {
                    if (to.identity()) identities++;
                    queue.add(to);
                }
            }
        }
        return identities;
    }
}
