package dev.kubeward.api.rbac;

import dev.kubeward.api.rbac.RbacAnswers.BindingIssue;
import dev.kubeward.api.rbac.RbacAnswers.ClusterGrants;
import dev.kubeward.api.rbac.RbacAnswers.EverywhereAnswer;
import dev.kubeward.api.rbac.RbacAnswers.GrantRow;
import dev.kubeward.api.rbac.RbacAnswers.NodeView;
import dev.kubeward.api.rbac.RbacAnswers.PathAnswer;
import dev.kubeward.api.rbac.RbacAnswers.PathStep;
import dev.kubeward.api.rbac.RbacAnswers.PowerRow;
import dev.kubeward.api.rbac.RbacAnswers.UnusedRole;
import dev.kubeward.api.rbac.RbacAnswers.WhatCanAnswer;
import dev.kubeward.api.rbac.RbacAnswers.WhoCanAnswer;
import dev.kubeward.engine.model.KubeObject;
import dev.kubeward.engine.model.ObjectRef;
import dev.kubeward.engine.rbac.graph.GraphEdge;
import dev.kubeward.engine.rbac.graph.GraphNode;
import dev.kubeward.engine.rbac.permission.Binding;
import dev.kubeward.engine.rbac.permission.Grant;
import dev.kubeward.engine.rbac.permission.Request;
import dev.kubeward.engine.rbac.permission.Subject;
import org.jgrapht.GraphPath;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The RBAC questions of the API and the page, answered on the engine's index and graph of one cluster (or of every
 * cluster of the tenant, for offboarding). Every answer carries provenance: subject → binding → role → rule.
 */
@Service
public class RbacQueries {

    public static final Set<String> WORKLOAD_KINDS = Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob", "ReplicationController");
    private static final int MAX_GRANTS = 1000;

    private final ClusterRbacs clusters;

    public RbacQueries(ClusterRbacs clusters) {
        this.clusters = clusters;
    }

    /** Who may {@code verb} the resource ({@code pods}, {@code pods/exec}) of {@code group}, in a namespace or cluster-wide. */
    public WhoCanAnswer whoCan(UUID cluster, String verb, String group, String resource, String subresource, String namespace,
                               String name) {
        if (verb == null || verb.isBlank()) throw new RbacBadRequest("verb is required");
        if (resource == null || resource.isBlank()) throw new RbacBadRequest("resource is required");
        ClusterRbac cr = clusters.of(cluster);
        Request request = Request.of(verb.trim(), group == null ? "" : group.trim(), resource.trim(), blankToNull(namespace), name);
        if (subresource != null && !subresource.isBlank()) request = request.withSubresource(subresource.trim());
        List<Grant> grants = cr.rbac().whoCan(request);
        Set<Subject> subjects = new LinkedHashSet<>();
        grants.forEach(g -> subjects.add(g.subject()));
        return new WhoCanAnswer(cr.clusterId(), request.toString(), request.clusterScoped() ? "cluster-wide" : request.namespace(),
                List.of(Subject.MASTERS), subjects.size(), rows(grants, cr, MAX_GRANTS));
    }

    public WhatCanAnswer whatCan(UUID cluster, String kind, String name, String namespace) {
        ClusterRbac cr = clusters.of(cluster);
        Subject s = Views.subject(kind, name, namespace);
        List<Grant> grants = cr.rbac().whatCan(s);
        return new WhatCanAnswer(cr.clusterId(), Views.subject(s), cr.risk(s).id(), cr.hopsToAdmin(GraphNode.of(s)).orElse(null),
                grants.size(), rows(grants, cr, MAX_GRANTS));
    }

    /** Everything the subject may do in every cluster of the tenant: what to revoke when someone leaves. */
    public EverywhereAnswer everywhere(String kind, String name, String namespace) {
        Subject s = Views.subject(kind, name, namespace);
        List<ClusterGrants> out = new ArrayList<>();
        for (ClusterRbacs.ClusterRow row : clusters.clusters()) {
            ClusterRbac cr = clusters.of(row);
            List<Grant> grants = cr.rbac().whatCan(s);
            out.add(new ClusterGrants(row.id(), row.name(), cr.risk(s).id(), cr.hopsToAdmin(GraphNode.of(s)).orElse(null),
                    grants.size(), rows(grants, cr, MAX_GRANTS)));
        }
        return new EverywhereAnswer(Views.subject(s), out);
    }

    /**
     * The shortest path to cluster-admin from a workload ({@code kind} Pod, Deployment, …; a Pod owned by a controller
     * starts from its top owner) or from a subject ({@code kind} User, Group, ServiceAccount).
     */
    public PathAnswer pathToAdmin(UUID cluster, String kind, String name, String namespace) {
        ClusterRbac cr = clusters.of(cluster);
        return pathToAdmin(cr, start(cr, kind, name, namespace));
    }

    public PathAnswer pathToAdmin(ClusterRbac cr, GraphNode start) {
        Optional<GraphPath<GraphNode, GraphEdge>> path = cr.graph().pathToAdmin(start);
        List<PathStep> steps = new ArrayList<>();
        path.ifPresent(p -> {
            var g = cr.graph().graph();
            for (GraphEdge e : p.getEdgeList()) {
                GraphNode from = g.getEdgeSource(e);
                GraphNode to = g.getEdgeTarget(e);
                RiskCatalogue.Risk rule = e.label() == null ? null : RiskCatalogue.byId(e.label());
                steps.add(new PathStep(Views.node(from), Views.node(to), e.type().name(), e.label(),
                        rule == null ? null : rule.label(), evidence(cr, from, to, e)));
            }
        });
        return new PathAnswer(cr.clusterId(), Views.node(start), path.isPresent(), steps);
    }

    /** The graph node a workload or subject parameter names; 404 for a workload the cluster does not have. */
    GraphNode start(ClusterRbac cr, String kind, String name, String namespace) {
        if (kind == null || kind.isBlank()) throw new RbacBadRequest("kind is required");
        if (name == null || name.isBlank()) throw new RbacBadRequest("name is required");
        if (!WORKLOAD_KINDS.contains(kind.trim())) return GraphNode.of(Views.subject(kind, name, namespace));
        String ns = namespace == null || namespace.isBlank() ? "default" : namespace.trim();
        KubeObject o = cr.index().find(kind.trim(), ns, name.trim())
                .or(() -> "default".equals(ns) ? cr.index().find(kind.trim(), null, name.trim()) : Optional.empty())
                .orElseThrow(() -> new RbacNotFound(kind + " " + ns + "/" + name + " not found in cluster " + cr.clusterName()));
        ObjectRef top = cr.index().topOwner(o).ref();
        return GraphNode.of(top);
    }

    /** The grants of the step's source that make it: the rule id on the edge, in a scope that covers the target. */
    private static List<GrantRow> evidence(ClusterRbac cr, GraphNode from, GraphNode to, GraphEdge e) {
        Subject s = Views.subjectOf(from);
        if (s == null || e.label() == null || !(e.type() == GraphEdge.Type.CAN_BECOME || e.type() == GraphEdge.Type.IS_ADMIN)) {
            return List.of();
        }
        Set<String> ids = "R07".equals(e.label()) ? Set.of("R07", "R08") : Set.of(e.label());
        String targetNs = to.type() == GraphNode.Type.NAMESPACE ? to.name()
                : to.type() == GraphNode.Type.POD_IDENTITIES ? to.namespace() : null;
        List<GrantRow> out = new ArrayList<>();
        for (Grant g : cr.rbac().grantsOf(s)) {
            if (targetNs != null && !g.clusterWide() && !targetNs.equals(g.namespace())) continue;
            if (cr.catalogue().risks(g.rule(), g.clusterWide()).stream().noneMatch(r -> ids.contains(r.id()))) continue;
            out.add(Views.grant(g, cr.catalogue()));
            if (out.size() == 3) break;
        }
        return out;
    }

    public List<UnusedRole> unusedRoles(UUID cluster) {
        ClusterRbac cr = clusters.of(cluster);
        return cr.graph().unusedRoles().stream()
                .map(r -> new UnusedRole(Views.role(r), r.rules().size(), cr.risk(r).id())).toList();
    }

    /** Bindings to roles (H1) or service accounts (H2) that do not exist: dormant grants someone can activate. */
    public List<BindingIssue> danglingBindings(UUID cluster) {
        ClusterRbac cr = clusters.of(cluster);
        List<BindingIssue> out = new ArrayList<>();
        for (Binding b : cr.graph().danglingBindings()) {
            out.add(new BindingIssue(Views.binding(b), "missing-role", b.roleKind() + " " + b.roleName(),
                    b.display() + " refers to " + b.roleKind() + " " + b.roleName() + ", which does not exist"));
        }
        boolean knowsServiceAccounts = !cr.index().ofKind("ServiceAccount").isEmpty();
        if (knowsServiceAccounts) {
            for (Binding b : cr.rbac().bindings()) {
                if (b.builtIn()) continue;
                for (Subject s : b.subjects()) {
                    if (s.kind() != Subject.Kind.ServiceAccount || s.name().equals("default")) continue;
                    boolean exists = cr.index().ofKindInNamespace("ServiceAccount", s.namespace()).stream().anyMatch(o -> s.name().equals(o.name()));
                    if (!exists) out.add(new BindingIssue(Views.binding(b), "missing-service-account", s.display(),
                            b.display() + " grants to " + s.display() + ", which does not exist"));
                }
            }
        }
        return out;
    }

    public List<BindingIssue> subjectlessBindings(UUID cluster) {
        ClusterRbac cr = clusters.of(cluster);
        return cr.graph().bindingsWithoutSubjects().stream()
                .map(b -> new BindingIssue(Views.binding(b), "no-subjects", null, b.display() + " has no subjects")).toList();
    }

    /** Subjects by power (see {@link ClusterRbac#ranking}); with {@code hideDefaults} only those some non-default binding names. */
    public List<PowerRow> mostPowerful(UUID cluster, int limit, boolean hideDefaults) {
        if (limit < 1 || limit > 500) throw new RbacBadRequest("limit must be between 1 and 500");
        ClusterRbac cr = clusters.of(cluster);
        List<PowerRow> out = new ArrayList<>();
        for (ClusterRbac.Ranked r : cr.ranking()) {
            Subject s = r.subject();
            if (hideDefaults && cr.bindingsOf(s).stream().allMatch(Binding::builtIn)) continue;
            out.add(new PowerRow(Views.subject(s), r.risk().id(), r.hopsToAdmin(), cr.reachableIdentities(s), r.grants()));
            if (out.size() == limit) break;
        }
        return out;
    }

    /** Namespaces, workloads and subjects of the cluster, for the page's pickers. */
    public RbacAnswers.Choices choices(UUID cluster) {
        ClusterRbac cr = clusters.of(cluster);
        Set<String> namespaces = new java.util.TreeSet<>();
        cr.index().ofKind("Namespace").forEach(n -> namespaces.add(n.name()));
        cr.rbac().bindings().stream().filter(b -> !b.clusterWide()).forEach(b -> namespaces.add(b.namespace()));
        List<NodeView> workloads = cr.workloads().stream().map(w -> Views.node(GraphNode.of(w.workload().ref())))
                .sorted(java.util.Comparator.comparing(NodeView::label)).limit(2000).toList();
        List<NodeView> subjects = cr.rbac().subjects().stream().sorted().limit(2000).map(Views::node).toList();
        return new RbacAnswers.Choices(List.copyOf(namespaces), workloads, subjects);
    }

    private static List<GrantRow> rows(List<Grant> grants, ClusterRbac cr, int limit) {
        return grants.stream().limit(limit).map(g -> Views.grant(g, cr.catalogue())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
