package dev.kubeward.api.rbac;

import dev.kubeward.api.rbac.RbacAnswers.GraphNodeView;
import dev.kubeward.api.rbac.RbacAnswers.GraphView;
import dev.kubeward.api.rbac.RbacAnswers.PathAnswer;
import dev.kubeward.api.rbac.RbacAnswers.PathStep;
import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Graph data for the RBAC view. Bindings that pass the filters are placed most dangerous first as
 * subject → binding → role chains until the node budget is spent; the rest collapse into one aggregate node per
 * namespace and risk level (per scope and risk level when namespaces are many), which the page expands on request.
 * Permissions are added for the shown roles while budget remains. So a cluster with 5,000 roles and bindings
 * answers with a few hundred nodes, worst first, and nothing is silently dropped: every aggregate says how many
 * bindings it holds.
 */
@Service
public class GraphViews {

    private static final int MAX_BUCKETS = 30;

    private final ClusterRbacs clusters;
    private final RbacQueries queries;

    public GraphViews(ClusterRbacs clusters, RbacQueries queries) {
        this.clusters = clusters;
        this.queries = queries;
    }

    public GraphView view(UUID cluster, GraphQuery q) {
        return view(clusters.of(cluster), q);
    }

    public GraphView view(ClusterRbac cr, GraphQuery q) {
        Placement p = place(cr, q);
        for (String rid : p.assembly.roleIds()) {
            if (p.assembly.size() >= q.budget()) break;
            cr.role(rid).ifPresent(r -> p.assembly.permissions(r, q.budget()));
        }
        return new GraphView(cr.clusterId(), p.assembly.nodes(), p.assembly.edges(), p.matched, p.assembly.bindings(),
                p.collapsed.values().stream().mapToInt(List::size).sum(), q.budget());
    }

    /**
     * The neighbourhood of one node, to add to the page's graph: an aggregate's bindings (from {@code offset}), a
     * subject's or role's bindings, a binding's subjects, role and permissions, a workload's service account.
     */
    public GraphView expand(UUID cluster, String nodeId, GraphQuery q, int offset) {
        ClusterRbac cr = clusters.of(cluster);
        GraphAssembly a = new GraphAssembly(cr);
        String prefix = NodeIds.prefix(nodeId);
        int budget = q.budget();
        switch (prefix) {
            case "agg" -> {
                List<Binding> bucket = place(cr, q).collapsed.getOrDefault(nodeId, List.of());
                if (bucket.isEmpty()) throw new RbacNotFound("aggregate " + nodeId + " not found (filters changed?)");
                int i = Math.max(0, offset);
                for (; i < bucket.size() && a.size() + a.cost(bucket.get(i), shown(bucket.get(i), q)) < budget; i++) { // one left for "+N more"
                    a.chain(bucket.get(i), shown(bucket.get(i), q));
                }
                if (i < bucket.size()) {
                    Binding first = bucket.get(i);
                    a.aggregate(nodeId, "+" + (bucket.size() - i) + " more bindings", first.namespace(), cr.risk(first), bucket.size() - i);
                }
            }
            case "user", "group", "sa" -> {
                Subject s = Views.subjectOf(nodeId);
                if (s == null) throw new RbacNotFound("node " + nodeId + " not found");
                a.subject(s);
                for (Binding b : sorted(cr, cr.bindingsOf(s))) {
                    if (a.size() + a.cost(b, List.of(s)) > budget) break;
                    a.chain(b, List.of(s));
                }
            }
            case "rb", "crb" -> {
                Binding b = cr.binding(nodeId).orElseThrow(() -> new RbacNotFound("binding " + nodeId + " not found"));
                a.chain(b, b.subjects());
                if (b.role() != null) a.permissions(b.role(), budget);
            }
            case "role", "cr" -> {
                Role r = cr.role(nodeId).orElseThrow(() -> new RbacNotFound("role " + nodeId + " not found"));
                a.role(r);
                a.permissions(r, budget);
                for (Binding b : sorted(cr, cr.bindingsOfRole(nodeId))) {
                    if (a.size() + a.cost(b, b.subjects()) > budget) break;
                    a.chain(b, b.subjects());
                }
                if (r.aggregated()) aggregationSources(cr, r, a);
            }
            case "perm-more" -> {
                Role r = cr.role(NodeIds.rest(nodeId)).orElseThrow(() -> new RbacNotFound("role " + nodeId + " not found"));
                a.role(r);
                int shown = 0;
                for (var rule : r.rules()) {
                    if (a.size() >= budget) break;
                    String pid = "perm:" + Views.text(rule);
                    var risks = cr.catalogue().risks(rule, r.clusterRole());
                    a.node(new GraphNodeView(pid, "Permission", Views.text(rule), null, GraphAssembly.PERMISSION,
                            RiskCatalogue.highest(risks).id(), risks.stream().map(RiskCatalogue.Risk::id).toList(), false, false, 1, false, null));
                    a.edge(NodeIds.of(r), pid, "GRANTS", false, null);
                    shown++;
                }
            }
            case "wl" -> {
                var w = cr.workloads().stream().filter(x -> NodeIds.of(GraphNode.of(x.workload().ref())).equals(nodeId)).findFirst()
                        .orElseThrow(() -> new RbacNotFound("workload " + nodeId + " not found"));
                workload(cr, a, GraphNode.of(w.workload().ref()));
                a.subject(w.serviceAccount());
                a.edge(nodeId, NodeIds.of(w.serviceAccount()), "RUNS_AS", !w.tokenMounted(), w.tokenMounted() ? "token mounted" : "no token");
                for (Binding b : sorted(cr, cr.bindingsOf(w.serviceAccount()))) {
                    if (a.size() + a.cost(b, List.of(w.serviceAccount())) > budget) break;
                    a.chain(b, List.of(w.serviceAccount()));
                }
            }
            default -> throw new RbacNotFound("node " + nodeId + " cannot be expanded");
        }
        return new GraphView(cr.clusterId(), a.nodes(), a.edges(), a.bindings(), a.bindings(), 0, budget);
    }

    /** Path to cluster-admin with the graph elements to draw it: path nodes and edges plus the bindings behind each hop. */
    public record PathGraph(PathAnswer path, GraphView graph, List<String> highlight) {
    }

    public PathGraph path(UUID cluster, String kind, String name, String namespace) {
        ClusterRbac cr = clusters.of(cluster);
        PathAnswer path = queries.pathToAdmin(cr, queries.start(cr, kind, name, namespace));
        GraphAssembly a = new GraphAssembly(cr);
        List<String> highlight = new ArrayList<>();
        var g = cr.graph().graph();
        for (PathStep step : path.steps()) {
            for (var n : List.of(step.from(), step.to())) {
                if (!a.has(n.id())) pathNode(cr, a, n.id(), g.vertexSet().stream().filter(v -> NodeIds.of(v).equals(n.id())).findFirst().orElse(null));
                if (!highlight.contains(n.id())) highlight.add(n.id());
            }
            if (step.evidence().isEmpty()) {
                a.edge(step.from().id(), step.to().id(), step.edge(), false, step.rule());
                highlight.add(step.from().id() + ">" + step.to().id() + ":" + step.edge() + (step.rule() == null ? "" : ":" + step.rule()));
            }
            for (var grant : step.evidence()) {
                Binding b = cr.binding(grant.binding().id()).orElse(null);
                Subject s = Views.subjectOf(grant.subject().id());
                if (b == null || s == null) continue;
                a.chain(b, List.of(s));
                a.edge(b.role() == null ? NodeIds.roleOf(b) : NodeIds.of(b.role()), step.to().id(), step.edge(), false, step.rule());
                highlight.add(NodeIds.of(s) + ">" + NodeIds.of(b) + ":SUBJECT_OF");
                highlight.add(NodeIds.of(b) + ">" + NodeIds.roleOf(b) + ":REFERS_TO");
                highlight.add(NodeIds.roleOf(b) + ">" + step.to().id() + ":" + step.edge() + (step.rule() == null ? "" : ":" + step.rule()));
                highlight.add(NodeIds.of(b));
                highlight.add(NodeIds.roleOf(b));
            }
        }
        if (path.steps().isEmpty()) pathNode(cr, a, path.start().id(), null);
        GraphView view = new GraphView(cr.clusterId(), a.nodes(), a.edges(), a.bindings(), a.bindings(), 0, GraphQuery.MAX_BUDGET);
        return new PathGraph(path, view, highlight);
    }

    private static void pathNode(ClusterRbac cr, GraphAssembly a, String id, GraphNode n) {
        Subject s = n == null ? Views.subjectOf(id) : Views.subjectOf(n);
        if (s != null) {
            a.subject(s);
            return;
        }
        if (n == null) return;
        switch (n.type()) {
            case WORKLOAD -> workload(cr, a, n);
            case CLUSTER_ADMIN -> a.node(new GraphNodeView(id, "ClusterAdmin", "cluster-admin", null, 4, RiskLevel.CRITICAL.id(),
                    List.of("R01"), false, false, 1, false, 0));
            default -> a.node(new GraphNodeView(id, NodeIds.kindOf(n), NodeIds.labelOf(n), n.namespace(), GraphAssembly.ROLE,
                    RiskLevel.HIGH.id(), List.of(), false, false, 1, false, cr.hopsToAdmin(n).orElse(null)));
        }
    }

    private static void workload(ClusterRbac cr, GraphAssembly a, GraphNode n) {
        a.node(new GraphNodeView(NodeIds.of(n), "Workload", NodeIds.labelOf(n), n.namespace(), -1,
                cr.hopsToAdmin(n).isPresent() ? RiskLevel.CRITICAL.id() : RiskLevel.NONE.id(), List.of(), false, false, 1, true,
                cr.hopsToAdmin(n).orElse(null)));
    }

    private static void aggregationSources(ClusterRbac cr, Role r, GraphAssembly a) {
        var g = cr.graph().graph();
        GraphNode rn = GraphNode.of(r.ref());
        if (!g.containsVertex(rn)) return;
        for (var e : g.outgoingEdgesOf(rn)) {
            if (e.type() != dev.kubeward.engine.rbac.graph.GraphEdge.Type.AGGREGATES) continue;
            cr.role(NodeIds.of(g.getEdgeTarget(e))).ifPresent(src -> {
                a.role(src);
                a.edge(NodeIds.of(r), NodeIds.of(src), "AGGREGATES", false, null);
            });
        }
    }

    private record Placement(GraphAssembly assembly, int matched, Map<String, List<Binding>> collapsed) {
    }

    /** Filters, orders worst-first and places chains within budget; what does not fit goes to aggregate buckets. */
    private Placement place(ClusterRbac cr, GraphQuery q) {
        List<Binding> matched = sorted(cr, cr.rbac().bindings().stream().filter(b -> q.matches(b, cr)).toList());
        GraphAssembly a = new GraphAssembly(cr);
        List<Binding> rest = new ArrayList<>();
        // NB: keep room for the aggregate nodes themselves, so the answer stays within budget.
        int room = q.budget() - Math.min(MAX_BUCKETS, q.budget() / 5);
        for (Binding b : matched) {
            List<Subject> subjects = shown(b, q);
            if (rest.isEmpty() && a.size() + a.cost(b, subjects) <= room) a.chain(b, subjects);
            else rest.add(b);
        }
        int free = Math.min(MAX_BUCKETS, q.budget() - a.size());
        Map<String, List<Binding>> buckets = Map.of();
        for (int level = 0; level <= 3; level++) {
            buckets = bucket(cr, rest, level);
            if (buckets.size() <= free) break;
        }
        buckets.forEach((id, bs) -> {
            Binding first = bs.get(0);
            String scope = id.substring(4, id.lastIndexOf('|'));
            a.aggregate(id, "+" + bs.size() + " bindings · " + scope + " · " + cr.risk(first).id(),
                    first.clusterWide() ? null : first.namespace(), cr.risk(first), bs.size());
        });
        return new Placement(a, matched.size(), buckets);
    }

    /**
     * Collapsed bindings by namespace and risk (level 0), by scope and risk (1), by risk (2), or all in one (3): the
     * finest grouping whose aggregate nodes still fit the budget. Bindings arrive worst first, so each bucket's first
     * binding carries its risk.
     */
    private static Map<String, List<Binding>> bucket(ClusterRbac cr, List<Binding> rest, int level) {
        Map<String, List<Binding>> out = new LinkedHashMap<>();
        for (Binding b : rest) {
            String scope = switch (level) {
                case 0 -> b.clusterWide() ? "cluster-wide" : b.namespace();
                case 1 -> b.clusterWide() ? "cluster-wide" : "namespaced";
                default -> "all";
            };
            String risk = level == 3 ? "any" : cr.risk(b).id();
            out.computeIfAbsent("agg:" + scope + "|" + risk, k -> new ArrayList<>()).add(b);
        }
        return out;
    }

    private static List<Subject> shown(Binding b, GraphQuery q) {
        return b.subjects().stream().filter(q::shows).distinct().toList();
    }

    /** Worst first: risk, then the user's own before defaults, then cluster-wide before namespaced, then by name. */
    private static List<Binding> sorted(ClusterRbac cr, List<Binding> bindings) {
        List<Binding> out = new ArrayList<>(bindings);
        out.sort(Comparator.comparing((Binding b) -> cr.risk(b)).reversed()
                .thenComparing(Binding::builtIn)
                .thenComparing(b -> !b.clusterWide())
                .thenComparing(b -> b.namespace() == null ? "" : b.namespace())
                .thenComparing(Binding::name));
        return out;
    }
}
