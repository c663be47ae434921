package dev.kubeward.api.rbac;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the RBAC API: small records, one per answer and per row. */
public final class RbacAnswers {

    private RbacAnswers() {
    }

    @Schema(description = "A user, group or service account as bindings name it; id is the graph node id")
    public record SubjectView(String kind, String name, String namespace, String id) {
    }

    @Schema(description = "A Kubernetes RBAC object (binding or role); id is the graph node id")
    public record ObjectView(String kind, String namespace, String name, String id, boolean builtIn) {
    }

    @Schema(description = "A risk rule of design/RBAC.md that a permission triggers (R01..R35)")
    public record RiskBadge(String id, String level, String label) {
    }

    @Schema(description = "One rule of a role, with the risks it carries in the scope it is granted")
    public record RuleView(int index, List<String> verbs, List<String> apiGroups, List<String> resources,
                           List<String> resourceNames, List<String> nonResourceURLs, String text, String risk,
                           List<RiskBadge> risks) {
    }

    @Schema(description = "Provenance of a permission: subject, binding, role and the rule of the role; scope is a namespace or 'cluster-wide'")
    public record GrantRow(SubjectView subject, ObjectView binding, ObjectView role, RuleView rule, String scope, String risk) {
    }

    @Schema(description = "Who may make the request: system:masters always, then every grant that allows it, with provenance")
    public record WhoCanAnswer(UUID cluster, String request, String scope, List<String> alwaysAllowedGroups, int subjects,
                               List<GrantRow> grants) {
    }

    @Schema(description = "Everything a subject may do, its groups' grants (implicit ones too) included")
    public record WhatCanAnswer(UUID cluster, SubjectView subject, String risk, Integer hopsToAdmin, int total,
                                List<GrantRow> grants) {
    }

    @Schema(description = "A graph node by id, kind and label")
    public record NodeView(String id, String kind, String label, String namespace) {
    }

    @Schema(description = "One hop of an attack path; rule is the RBAC.md rule that makes it, evidence the grants behind it")
    public record PathStep(NodeView from, NodeView to, String edge, String rule, String ruleLabel, List<GrantRow> evidence) {
    }

    @Schema(description = "The shortest chain from a workload or subject to cluster-admin equivalence; empty steps when none")
    public record PathAnswer(UUID cluster, NodeView start, boolean reachesAdmin, List<PathStep> steps) {
    }

    @Schema(description = "A role nothing binds and no aggregated ClusterRole draws from (H3)")
    public record UnusedRole(ObjectView role, int rules, String risk) {
    }

    @Schema(description = "A binding with a problem: missing-role (H1), missing-service-account (H2) or no-subjects (H4)")
    public record BindingIssue(ObjectView binding, String problem, String target, String detail) {
    }

    @Schema(description = "A subject ranked by power: hops to cluster-admin (null when none), identities it can become, direct grants")
    public record PowerRow(SubjectView subject, String risk, Integer hopsToAdmin, int reachableIdentities, int grants) {
    }

    @Schema(description = "What one subject may do in one cluster")
    public record ClusterGrants(UUID clusterId, String clusterName, String risk, Integer hopsToAdmin, int total, List<GrantRow> grants) {
    }

    @Schema(description = "Everything a subject may do in every cluster of the tenant (offboarding)")
    public record EverywhereAnswer(SubjectView subject, List<ClusterGrants> clusters) {
    }

    @Schema(description = "A node of the graph view; column orders subject → binding → role → permission")
    public record GraphNodeView(String id, String kind, String label, String namespace, int column, String risk,
                                List<String> risks, boolean builtIn, boolean aggregate, int count, boolean expandable,
                                Integer hopsToAdmin) {
    }

    @Schema(description = "An edge of the graph view: SUBJECT_OF, REFERS_TO, GRANTS, AGGREGATES or an attack-path edge")
    public record GraphEdgeView(String id, String source, String target, String kind, boolean dangling, String label) {
    }

    @Schema(description = "Graph data for the view, within the node budget; hidden bindings are collapsed into aggregate nodes")
    public record GraphView(UUID cluster, List<GraphNodeView> nodes, List<GraphEdgeView> edges, int matchedBindings,
                            int shownBindings, int collapsedBindings, int budget) {
    }

    @Schema(description = "An open finding on the object")
    public record FindingRow(String controlId, String severity, String message) {
    }

    @Schema(description = "Details of one node: facts, its rules or grants, its bindings, the open findings on it")
    public record NodeDetails(NodeView node, String risk, List<RiskBadge> risks, Integer hopsToAdmin, Map<String, String> facts,
                              List<RuleView> rules, List<GrantRow> grants, List<ObjectView> related, List<FindingRow> findings) {
    }

    @Schema(description = "A cluster the tenant has, for pickers")
    public record ClusterOption(UUID id, String name, String provider) {
    }

    @Schema(description = "Names the page offers: namespaces, workloads and subjects of the cluster")
    public record Choices(List<String> namespaces, List<NodeView> workloads, List<NodeView> subjects) {
    }
}
