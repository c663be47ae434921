package dev.kubeward.api.rbac;

import dev.kubeward.api.rbac.RbacAnswers.GraphEdgeView;
import dev.kubeward.api.rbac.RbacAnswers.GraphNodeView;
import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.PolicyRule;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the nodes and edges of one graph answer, each once: subject → binding → role → permission chains,
 * permission nodes shared by every role that has the same rule, and the node count the budget is checked against.
 */
final class GraphAssembly {

    static final int SUBJECT = 0, BINDING = 1, ROLE = 2, PERMISSION = 3;
    private static final int RULES_PER_ROLE = 8;

    private final ClusterRbac cr;
    private final Map<String, GraphNodeView> nodes = new LinkedHashMap<>();
    private final Map<String, GraphEdgeView> edges = new LinkedHashMap<>();
    private int bindings;

    GraphAssembly(ClusterRbac cr) {
        this.cr = cr;
    }

    int size() {
        return nodes.size();
    }

    int bindings() {
        return bindings;
    }

    boolean has(String id) {
        return nodes.containsKey(id);
    }

    /** Nodes a chain would add that are not there yet. */
    int cost(Binding b, List<Subject> subjects) {
        int n = has(NodeIds.of(b)) ? 0 : 1;
        if (!has(NodeIds.roleOf(b))) n++;
        for (Subject s : subjects) if (!has(NodeIds.of(s))) n++;
        return n;
    }

    void chain(Binding b, List<Subject> subjects) {
        String bid = NodeIds.of(b);
        if (!has(bid)) bindings++;
        node(new GraphNodeView(bid, b.kind(), b.clusterWide() ? b.name() : b.namespace() + "/" + b.name(), b.namespace(), BINDING,
                cr.risk(b).id(), List.of(), b.builtIn(), false, 1, true, null));
        String rid = NodeIds.roleOf(b);
        if (b.role() != null) role(b.role());
        else node(new GraphNodeView(rid, b.roleKind().isEmpty() ? "ClusterRole" : b.roleKind(), b.roleName() + " (missing)",
                b.clusterWide() ? null : b.namespace(), ROLE, RiskLevel.MEDIUM.id(), List.of("H1"), false, false, 1, false, null));
        edge(bid, rid, "REFERS_TO", b.role() == null, null);
        for (Subject s : subjects) {
            subject(s);
            edge(NodeIds.of(s), bid, "SUBJECT_OF", false, null);
        }
    }

    void subject(Subject s) {
        GraphNode gn = GraphNode.of(s);
        node(new GraphNodeView(NodeIds.of(s), s.kind().name(), s.kind() == Subject.Kind.ServiceAccount ? s.namespace() + "/" + s.name() : s.name(),
                s.namespace(), SUBJECT, cr.risk(s).id(), List.of(), s.name().startsWith("system:"), false, 1, true,
                cr.hopsToAdmin(gn).orElse(null)));
    }

    void role(Role r) {
        List<String> ids = new ArrayList<>();
        for (PolicyRule rule : r.rules()) for (var risk : cr.catalogue().risks(rule, r.clusterRole())) if (!ids.contains(risk.id())) ids.add(risk.id());
        node(new GraphNodeView(NodeIds.of(r), r.kind(), r.clusterRole() ? r.name() : r.namespace() + "/" + r.name(), r.namespace(), ROLE,
                cr.risk(r).id(), ids, r.builtIn(), false, 1, true, null));
    }

    /** Permission nodes of a role (shared across roles with the same rule), at most {@value #RULES_PER_ROLE} and a "+N" node. */
    void permissions(Role r, int budget) {
        String rid = NodeIds.of(r);
        int shown = 0;
        for (PolicyRule rule : r.rules()) {
            if (shown == RULES_PER_ROLE) break;
            String text = Views.text(rule);
            String pid = "perm:" + text;
            if (!has(pid) && size() >= budget) return;
            var risks = cr.catalogue().risks(rule, r.clusterRole());
            GraphNodeView existing = nodes.get(pid);
            RiskLevel level = RiskCatalogue.highest(risks);
            if (existing != null) level = RiskLevel.max(level, RiskLevel.parse(existing.risk()));
            node(new GraphNodeView(pid, "Permission", text, null, PERMISSION, level.id(),
                    risks.stream().map(RiskCatalogue.Risk::id).toList(), false, false, 1, false, null));
            edge(rid, pid, "GRANTS", false, null);
            shown++;
        }
        int more = r.rules().size() - shown;
        if (more > 0 && size() < budget) {
            String pid = "perm-more:" + rid;
            node(new GraphNodeView(pid, "Permission", "+" + more + " more rules", null, PERMISSION, RiskLevel.NONE.id(), List.of(),
                    false, true, more, true, null));
            edge(rid, pid, "GRANTS", false, null);
        }
    }

    void aggregate(String id, String label, String namespace, RiskLevel risk, int count) {
        node(new GraphNodeView(id, "Aggregate", label, namespace, BINDING, risk.id(), List.of(), false, true, count, true, null));
    }

    void node(GraphNodeView n) {
        nodes.merge(n.id(), n, (a, b) -> a.aggregate() || !a.risk().equals(b.risk()) ? b : a);
    }

    void edge(String source, String target, String kind, boolean dangling, String label) {
        String id = source + ">" + target + ":" + kind + (label == null ? "" : ":" + label);
        edges.putIfAbsent(id, new GraphEdgeView(id, source, target, kind, dangling, label));
    }

    List<GraphNodeView> nodes() {
        return List.copyOf(nodes.values());
    }

    List<GraphEdgeView> edges() {
        return List.copyOf(edges.values());
    }

    List<String> roleIds() {
        return nodes.values().stream().filter(n -> n.column() == ROLE).map(GraphNodeView::id).toList();
    }
}
