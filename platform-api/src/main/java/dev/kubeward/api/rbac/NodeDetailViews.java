package dev.kubeward.api.rbac;

import dev.kubeward.api.rbac.RbacAnswers.FindingRow;
import dev.kubeward.api.rbac.RbacAnswers.NodeDetails;
import dev.kubeward.api.rbac.RbacAnswers.NodeView;
import dev.kubeward.api.rbac.RbacAnswers.ObjectView;
import dev.kubeward.api.rbac.RbacAnswers.RiskBadge;
import dev.kubeward.api.rbac.RbacAnswers.RuleView;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.rbac.WorkloadIdentity;
import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.Role;
import dev.kubeward.engine.rbac.permission.Subject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the page shows for a clicked node: facts, rules or grants with provenance, related objects, open findings. */
@Service
public class NodeDetailViews {

    private static final int MAX_ROWS = 200;
    private static final String FINDINGS = """
            SELECT control_id, severity, message FROM findings
             WHERE tenant_id = ? AND cluster_id = ? AND kind = ? AND namespace = ? AND name = ? AND status = 'open'
             ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, control_id
             LIMIT 50
            """;

    private final ClusterRbacs clusters;
    private final JdbcTemplate jdbc;

    public NodeDetailViews(ClusterRbacs clusters, JdbcTemplate jdbc) {
        this.clusters = clusters;
        this.jdbc = jdbc;
    }

    public NodeDetails details(UUID cluster, String nodeId) {
        if (nodeId == null || nodeId.isBlank()) throw new RbacBadRequest("node is required");
        ClusterRbac cr = clusters.of(cluster);
        Subject s = Views.subjectOf(nodeId);
        if (s != null) return subject(cr, s);
        var binding = cr.binding(nodeId);
        if (binding.isPresent()) return binding(cr, binding.get());
        var role = cr.role(nodeId);
        if (role.isPresent()) return role(cr, role.get());
        if (NodeIds.prefix(nodeId).equals("wl")) {
            return cr.workloads().stream().filter(w -> NodeIds.of(GraphNode.of(w.workload().ref())).equals(nodeId)).findFirst()
                    .map(w -> workload(cr, w)).orElseThrow(() -> new RbacNotFound("node " + nodeId + " not found"));
        }
        throw new RbacNotFound("node " + nodeId + " not found");
    }

    private NodeDetails subject(ClusterRbac cr, Subject s) {
        List<Grant> grants = cr.rbac().whatCan(s);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kind", s.kind().name());
        if (s.namespace() != null) facts.put("namespace", s.namespace());
        facts.put("authenticates as", s.username());
        facts.put("bindings naming it", String.valueOf(cr.bindingsOf(s).size()));
        facts.put("effective rules (groups included)", String.valueOf(grants.size()));
        if (s.kind() == Subject.Kind.ServiceAccount) {
            long pods = cr.workloads().stream().filter(w -> w.serviceAccount().equals(s)).count();
            facts.put("workloads running as it", String.valueOf(pods));
        }
        List<RiskBadge> badges = badges(grants.stream().flatMap(g -> cr.catalogue().risks(g.rule(), g.clusterWide()).stream()).toList());
        List<ObjectView> related = cr.bindingsOf(s).stream().map(Views::binding).toList();
        return new NodeDetails(Views.node(s), cr.risk(s).id(), badges, cr.hopsToAdmin(GraphNode.of(s)).orElse(null), facts, List.of(),
                grants.stream().limit(MAX_ROWS).map(g -> Views.grant(g, cr.catalogue())).toList(), related,
                findings(cr, s.kind().name(), s.namespace(), s.name()));
    }

    private NodeDetails binding(ClusterRbac cr, Binding b) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kind", b.kind());
        facts.put("scope", b.clusterWide() ? "cluster-wide" : "namespace " + b.namespace());
        facts.put("roleRef", b.roleKind() + " " + b.roleName() + (b.role() == null ? " (does not exist)" : ""));
        facts.put("subjects", b.subjects().stream().map(Subject::display).reduce((x, y) -> x + ", " + y).orElse("none"));
        facts.put("default (Kubernetes or vendor)", String.valueOf(b.builtIn()));
        List<RuleView> rules = new ArrayList<>();
        if (b.role() != null) {
            for (int i = 0; i < b.role().rules().size(); i++) rules.add(Views.rule(i, b.role().rules().get(i), b.clusterWide(), cr.catalogue()));
        }
        List<RiskBadge> badges = b.role() == null ? List.of(new RiskBadge("H1", "medium", "binding to a missing role"))
                : badges(b.role().rules().stream().flatMap(r -> cr.catalogue().risks(r, b.clusterWide()).stream()).toList());
        List<ObjectView> related = new ArrayList<>();
        related.add(Views.roleOf(b));
        return new NodeDetails(new NodeView(NodeIds.of(b), b.kind(), b.clusterWide() ? b.name() : b.namespace() + "/" + b.name(), b.namespace()), cr.risk(b).id(), badges, null, facts,
                rules, List.of(), related, findings(cr, b.kind(), b.namespace(), b.name()));
    }

    private NodeDetails role(ClusterRbac cr, Role r) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kind", r.kind());
        if (r.namespace() != null) facts.put("namespace", r.namespace());
        facts.put("rules", String.valueOf(r.rules().size()));
        facts.put("aggregated", String.valueOf(r.aggregated()));
        facts.put("aggregation source", String.valueOf(cr.rbac().isAggregationSource(r)));
        facts.put("default (Kubernetes or vendor)", String.valueOf(r.builtIn()));
        List<Binding> bound = cr.bindingsOfRole(NodeIds.of(r));
        facts.put("bound by", bound.size() + " binding(s)");
        List<RuleView> rules = new ArrayList<>();
        for (int i = 0; i < r.rules().size(); i++) rules.add(Views.rule(i, r.rules().get(i), r.clusterRole(), cr.catalogue()));
        List<RiskBadge> badges = badges(r.rules().stream().flatMap(x -> cr.catalogue().risks(x, r.clusterRole()).stream()).toList());
        return new NodeDetails(new NodeView(NodeIds.of(r), r.kind(), r.clusterRole() ? r.name() : r.namespace() + "/" + r.name(), r.namespace()), cr.risk(r).id(), badges, null, facts,
                rules, List.of(), bound.stream().limit(MAX_ROWS).map(Views::binding).toList(), findings(cr, r.kind(), r.namespace(), r.name()));
    }

    private NodeDetails workload(ClusterRbac cr, WorkloadIdentity w) {
        GraphNode n = GraphNode.of(w.workload().ref());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kind", w.workload().kind());
        facts.put("service account", w.serviceAccount().display());
        facts.put("token mounted", String.valueOf(w.tokenMounted()));
        List<Grant> grants = w.tokenMounted() ? cr.rbac().whatCan(w.serviceAccount()) : List.of();
        return new NodeDetails(Views.node(n), cr.hopsToAdmin(n).isPresent() ? "critical" : cr.risk(w.serviceAccount()).id(), List.of(),
                cr.hopsToAdmin(n).orElse(null), facts, List.of(),
                grants.stream().limit(MAX_ROWS).map(g -> Views.grant(g, cr.catalogue())).toList(), List.of(),
                findings(cr, w.workload().kind(), w.workload().namespace(), w.workload().name()));
    }

    private List<FindingRow> findings(ClusterRbac cr, String kind, String namespace, String name) {
        return jdbc.query(FINDINGS, (rs, i) -> new FindingRow(rs.getString(1), rs.getString(2), rs.getString(3)),
                TenantContext.require(), cr.clusterId(), kind, namespace == null ? "" : namespace, name);
    }

    private static List<RiskBadge> badges(List<RiskCatalogue.Risk> risks) {
        Map<String, RiskCatalogue.Risk> distinct = new LinkedHashMap<>();
        risks.stream().sorted((a, b) -> b.level().compareTo(a.level())).forEach(r -> distinct.putIfAbsent(r.id(), r));
        return Views.badges(List.copyOf(distinct.values()));
    }
}
