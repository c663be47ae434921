package dev.kubeward.api.rbac.web;

import dev.kubeward.api.rbac.ClusterRbacs;
import dev.kubeward.api.rbac.RbacBadRequest;
import dev.kubeward.api.rbac.RbacNotFound;
import dev.kubeward.api.rbac.RbacQueries;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The RBAC page (UI.md page 10): answers first — the who-can form and its list, the riskiest subjects, the clean-up
 * lists — then the graph, which {@code rbac-graph.js} draws from the REST API. The URL holds every filter.
 */
@Controller
public class RbacPageController {

    /** Severity chip classes of the design system (kubeward.css) by risk level; no inline styles: the CSP allows none. */
    static final Map<String, String> RISK_CLASS = Map.of("critical", "kw-sev kw-sev-critical", "high", "kw-sev kw-sev-high",
            "medium", "kw-sev kw-sev-medium", "low", "kw-sev kw-sev-low", "none", "kw-sev text-secondary");

    static final int WHO_CAN_ROWS = 15;

    private final ClusterRbacs clusters;
    private final RbacQueries queries;

    public RbacPageController(ClusterRbacs clusters, RbacQueries queries) {
        this.clusters = clusters;
        this.queries = queries;
    }

    @GetMapping("/rbac")
    public String page(@RequestParam(required = false) String cluster, @RequestParam(required = false) String verb,
                       @RequestParam(required = false) String resource, @RequestParam(required = false) String group,
                       @RequestParam(name = "wns", required = false) String whoNamespace,
                       @RequestParam(name = "wall", defaultValue = "false") boolean allGrants,
                       @RequestParam(required = false) String subject, Model model, HttpServletResponse response) {
        List<ClusterRbacs.ClusterRow> all = clusters.clusters();
        model.addAttribute("clusters", all);
        model.addAttribute("riskClass", RISK_CLASS);
        // NB: with no question asked, the page answers the one auditors ask first: who can read secrets cluster-wide
        if (verb == null && resource == null) {
            verb = "get";
            resource = "secrets";
        }
        model.addAttribute("verb", verb == null ? "" : verb);
        model.addAttribute("resource", resource == null ? "" : resource);
        model.addAttribute("group", group == null ? "" : group);
        model.addAttribute("wns", whoNamespace == null ? "" : whoNamespace);
        model.addAttribute("focus", SubjectFocus.parse(subject));
        if (all.isEmpty()) return "rbac/index";
        ClusterRbacs.ClusterRow selected;
        try {
            selected = cluster == null || cluster.isBlank() ? all.get(0) : clusters.cluster(UUID.fromString(cluster.trim()));
        } catch (IllegalArgumentException | RbacNotFound e) {
            response.setStatus(404);
            model.addAttribute("error", "This cluster does not exist in your tenant.");
            return "rbac/index";
        }
        model.addAttribute("cluster", selected);
        UUID id = selected.id();
        try {
            if (verb != null && !verb.isBlank() && resource != null && !resource.isBlank()) {
                var answer = queries.whoCan(id, verb, group, resource, null, whoNamespace, null);
                model.addAttribute("whoCan", answer);
                // the list comes first on the page, so it stays short unless asked for in full (the API has all)
                model.addAttribute("whoCanRows", allGrants ? answer.grants() : answer.grants().stream().limit(WHO_CAN_ROWS).toList());
            }
        } catch (RbacBadRequest e) {
            model.addAttribute("whoCanError", e.getMessage());
        }
        model.addAttribute("powerful", queries.mostPowerful(id, 10, true));
        model.addAttribute("unused", queries.unusedRoles(id));
        model.addAttribute("dangling", queries.danglingBindings(id));
        model.addAttribute("subjectless", queries.subjectlessBindings(id));
        model.addAttribute("choices", queries.choices(id));
        return "rbac/index";
    }
}
