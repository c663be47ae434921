package dev.kubeward.api.rbac.web;

import dev.kubeward.api.rbac.GraphQuery;
import dev.kubeward.api.rbac.GraphViews;
import dev.kubeward.api.rbac.NodeDetailViews;
import dev.kubeward.api.rbac.RbacAnswers.BindingIssue;
import dev.kubeward.api.rbac.RbacAnswers.Choices;
import dev.kubeward.api.rbac.RbacAnswers.EverywhereAnswer;
import dev.kubeward.api.rbac.RbacAnswers.GraphView;
import dev.kubeward.api.rbac.RbacAnswers.NodeDetails;
import dev.kubeward.api.rbac.RbacAnswers.PathAnswer;
import dev.kubeward.api.rbac.RbacAnswers.PowerRow;
import dev.kubeward.api.rbac.RbacAnswers.UnusedRole;
import dev.kubeward.api.rbac.RbacAnswers.WhatCanAnswer;
import dev.kubeward.api.rbac.RbacAnswers.WhoCanAnswer;
import dev.kubeward.api.rbac.RbacQueries;
import dev.kubeward.api.rbac.RiskLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * RBAC analysis of the tenant's clusters: who-can / what-can with binding → role → rule provenance, paths to
 * cluster-admin, clean-up lists, and the graph view's data. Read-only; scoped to the request's tenant.
 */
@RestController
@RequestMapping(path = "/api/v1/rbac", produces = "application/json")
@Tag(name = "RBAC", description = "Who can do what, how a workload becomes cluster-admin, what to clean up")
public class RbacApiController {

    private final RbacQueries queries;
    private final GraphViews graphs;
    private final NodeDetailViews details;

    public RbacApiController(RbacQueries queries, GraphViews graphs, NodeDetailViews details) {
        this.queries = queries;
        this.graphs = graphs;
        this.details = details;
    }

    @GetMapping("/who-can")
    @Operation(summary = "Who can VERB RESOURCE [in NAMESPACE]", description = "Every grant that authorizes the request in its own "
            + "scope (cluster-wide when no namespace is given), with the binding, role and rule behind it. system:masters is always allowed.")
    public WhoCanAnswer whoCan(@Parameter(description = "cluster id") @RequestParam UUID cluster,
                               @Parameter(description = "get, list, create, impersonate, bind, …") @RequestParam String verb,
                               @Parameter(description = "resource, optionally with subresource: pods, pods/exec") @RequestParam String resource,
                               @Parameter(description = "API group; empty for core") @RequestParam(required = false) String group,
                               @RequestParam(required = false) String subresource,
                               @Parameter(description = "namespace; omit for a cluster-wide request") @RequestParam(required = false) String namespace,
                               @Parameter(description = "object name (resourceNames)") @RequestParam(required = false) String name) {
        return queries.whoCan(cluster, verb, group, resource, subresource, namespace, name);
    }

    @GetMapping("/what-can")
    @Operation(summary = "What can a subject do", description = "Its own grants and those of the groups it belongs to (implicit groups included).")
    public WhatCanAnswer whatCan(@RequestParam UUID cluster,
                                 @Parameter(description = "User, Group or ServiceAccount") @RequestParam String kind,
                                 @RequestParam String name, @RequestParam(required = false) String namespace) {
        return queries.whatCan(cluster, kind, name, namespace);
    }

    @GetMapping("/path-to-admin")
    @Operation(summary = "Shortest path to cluster-admin", description = "From a workload (kind Pod, Deployment, …) or a subject "
            + "(User, Group, ServiceAccount); each hop names the RBAC.md rule that makes it and the grants behind it.")
    public PathAnswer pathToAdmin(@RequestParam UUID cluster, @RequestParam String kind, @RequestParam String name,
                                  @RequestParam(required = false) String namespace) {
        return queries.pathToAdmin(cluster, kind, name, namespace);
    }

    @GetMapping("/unused-roles")
    @Operation(summary = "Roles nothing binds (H3)", description = "Defaults and aggregation sources excluded.")
    public List<UnusedRole> unusedRoles(@RequestParam UUID cluster) {
        return queries.unusedRoles(cluster);
    }

    @GetMapping("/dangling-bindings")
    @Operation(summary = "Bindings to missing roles (H1) or service accounts (H2)")
    public List<BindingIssue> danglingBindings(@RequestParam UUID cluster) {
        return queries.danglingBindings(cluster);
    }

    @GetMapping("/subjectless-bindings")
    @Operation(summary = "Bindings without subjects (H4)")
    public List<BindingIssue> subjectlessBindings(@RequestParam UUID cluster) {
        return queries.subjectlessBindings(cluster);
    }

    @GetMapping("/powerful-subjects")
    @Operation(summary = "Most powerful subjects", description = "Admin paths first (fewest hops), then identities reachable, then grants.")
    public List<PowerRow> powerful(@RequestParam UUID cluster, @RequestParam(defaultValue = "20") int limit,
                                   @Parameter(description = "only subjects some non-default binding names")
                                   @RequestParam(defaultValue = "true") boolean hideDefaults) {
        return queries.mostPowerful(cluster, limit, hideDefaults);
    }

    @GetMapping("/subjects/everywhere")
    @Operation(summary = "Everything a subject can do in every cluster", description = "For offboarding: per cluster, the subject's "
            + "effective grants with provenance, its risk and whether it can become cluster-admin.")
    public EverywhereAnswer everywhere(@RequestParam String kind, @RequestParam String name,
                                       @RequestParam(required = false) String namespace) {
        return queries.everywhere(kind, name, namespace);
    }

    @GetMapping("/choices")
    @Operation(summary = "Namespaces, workloads and subjects of a cluster", description = "For pickers.")
    public Choices choices(@RequestParam UUID cluster) {
        return queries.choices(cluster);
    }

    @GetMapping("/graph")
    @Operation(summary = "Graph data for the RBAC view", description = "subject → binding → role → permission, worst first, within the "
            + "node budget; bindings beyond it are collapsed into aggregate nodes (expand them with /graph/expand).")
    public GraphView graph(@RequestParam UUID cluster, @RequestParam(required = false) String namespace,
                           @Parameter(description = "User, Group or ServiceAccount") @RequestParam(required = false) String subjectKind,
                           @Parameter(description = "minimum risk: low, medium, high, critical") @RequestParam(required = false) String risk,
                           @RequestParam(defaultValue = "false") boolean hideDefaults,
                           @Parameter(description = "text in a subject, binding or role name") @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "" + GraphQuery.DEFAULT_BUDGET) int budget) {
        return graphs.view(cluster, query(namespace, subjectKind, risk, hideDefaults, q, budget));
    }

    @GetMapping("/graph/expand")
    @Operation(summary = "The neighbourhood of one node", description = "An aggregate's bindings (from offset), a subject's or role's "
            + "bindings, a binding's subjects, role and permissions; the same filters as /graph.")
    public GraphView expand(@RequestParam UUID cluster, @RequestParam String node, @RequestParam(required = false) String namespace,
                            @RequestParam(required = false) String subjectKind, @RequestParam(required = false) String risk,
                            @RequestParam(defaultValue = "false") boolean hideDefaults, @RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "" + GraphQuery.DEFAULT_BUDGET) int budget,
                            @RequestParam(defaultValue = "0") int offset) {
        return graphs.expand(cluster, node, query(namespace, subjectKind, risk, hideDefaults, q, budget), offset);
    }

    @GetMapping("/graph/path")
    @Operation(summary = "Path to cluster-admin as graph elements", description = "The path, its nodes and edges, the bindings behind "
            + "each hop, and the ids to highlight.")
    public GraphViews.PathGraph graphPath(@RequestParam UUID cluster, @RequestParam String kind, @RequestParam String name,
                                          @RequestParam(required = false) String namespace) {
        return graphs.path(cluster, kind, name, namespace);
    }

    @GetMapping("/graph/node")
    @Operation(summary = "Details of a graph node", description = "Facts, rules (roles, bindings) or grants (subjects, workloads), related "
            + "objects and open findings.")
    public NodeDetails node(@RequestParam UUID cluster, @RequestParam String node) {
        return details.details(cluster, node);
    }

    static GraphQuery query(String namespace, String subjectKind, String risk, boolean hideDefaults, String q, int budget) {
        return new GraphQuery(namespace, GraphQuery.kind(subjectKind), RiskLevel.parse(risk), hideDefaults, q, budget);
    }
}
