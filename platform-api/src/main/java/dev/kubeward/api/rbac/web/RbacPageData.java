package dev.kubeward.api.rbac.web;

import dev.kubeward.api.rbac.GraphQuery;
import dev.kubeward.api.rbac.GraphViews;
import dev.kubeward.api.rbac.NodeDetailViews;
import dev.kubeward.api.rbac.RbacAnswers.GraphView;
import dev.kubeward.api.rbac.RbacAnswers.NodeDetails;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The graph data the RBAC page loads with {@code fetch}, on the page's own session. NB: {@code /api/**} takes bearer
 * tokens only (stateless), so the browser cannot call it with its session cookie; these GETs answer the same as
 * {@link RbacApiController}'s graph endpoints, which stay the documented API.
 */
@Hidden
@RestController
@RequestMapping(path = "/rbac/data", produces = "application/json")
public class RbacPageData {

    private final GraphViews graphs;
    private final NodeDetailViews details;

    public RbacPageData(GraphViews graphs, NodeDetailViews details) {
        this.graphs = graphs;
        this.details = details;
    }

    @GetMapping("/graph")
    public GraphView graph(@RequestParam UUID cluster, @RequestParam(required = false) String namespace,
                           @RequestParam(required = false) String subjectKind, @RequestParam(required = false) String risk,
                           @RequestParam(defaultValue = "false") boolean hideDefaults, @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "" + GraphQuery.DEFAULT_BUDGET) int budget) {
        return graphs.view(cluster, RbacApiController.query(namespace, subjectKind, risk, hideDefaults, q, budget));
    }

    @GetMapping("/graph/expand")
    public GraphView expand(@RequestParam UUID cluster, @RequestParam String node, @RequestParam(required = false) String namespace,
                            @RequestParam(required = false) String subjectKind, @RequestParam(required = false) String risk,
                            @RequestParam(defaultValue = "false") boolean hideDefaults, @RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "" + GraphQuery.DEFAULT_BUDGET) int budget,
                            @RequestParam(defaultValue = "0") int offset) {
        return graphs.expand(cluster, node, RbacApiController.query(namespace, subjectKind, risk, hideDefaults, q, budget), offset);
    }

    @GetMapping("/graph/path")
    public GraphViews.PathGraph path(@RequestParam UUID cluster, @RequestParam String kind, @RequestParam String name,
                                     @RequestParam(required = false) String namespace) {
        return graphs.path(cluster, kind, name, namespace);
    }

    @GetMapping("/graph/node")
    public NodeDetails node(@RequestParam UUID cluster, @RequestParam String node) {
        return details.details(cluster, node);
    }
}
