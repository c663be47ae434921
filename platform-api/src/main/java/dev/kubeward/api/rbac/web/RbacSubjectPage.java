package dev.kubeward.api.rbac.web;

import dev.kubeward.api.rbac.RbacBadRequest;
import dev.kubeward.api.rbac.RbacAnswers.ClusterGrants;
import dev.kubeward.api.rbac.RbacAnswers.EverywhereAnswer;
import dev.kubeward.api.rbac.RbacAnswers.GrantRow;
import dev.kubeward.api.rbac.RbacQueries;
import dev.kubeward.api.rbac.RiskLevel;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;

/**
 * {@code /rbac/subject}: one subject's access in every cluster of the tenant — the offboarding question ("what can
 * alice still do, anywhere?") and the onboarding check, with each grant's binding, role and rule, the subject's risk
 * and its distance to cluster-admin per cluster. The same answer as {@code GET /api/v1/rbac/subjects/everywhere}.
 */
@Controller
public class RbacSubjectPage {

    static final List<String> KINDS = List.of("User", "Group", "ServiceAccount");

    private final RbacQueries queries;

    public RbacSubjectPage(RbacQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/rbac/subject")
    public String subject(@RequestParam(defaultValue = "User") String kind, @RequestParam(required = false) String name,
                          @RequestParam(required = false) String namespace, Model model, HttpServletResponse response) {
        model.addAttribute("kinds", KINDS);
        model.addAttribute("kind", kind);
        model.addAttribute("name", name == null ? "" : name.trim());
        model.addAttribute("namespace", namespace == null ? "" : namespace.trim());
        model.addAttribute("riskClass", RbacPageController.RISK_CLASS);
        if (name == null || name.isBlank()) return "rbac/subject";
        try {
            var answer = riskiestFirst(queries.everywhere(kind, name.trim(), namespace == null || namespace.isBlank() ? null : namespace.trim()));
            model.addAttribute("answer", answer);
            model.addAttribute("clustersWithAccess", answer.clusters().stream().filter(c -> c.total() > 0).count());
            model.addAttribute("clustersToAdmin", answer.clusters().stream().filter(c -> c.hopsToAdmin() != null).count());
        } catch (RbacBadRequest e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
        }
        return "rbac/subject";
    }

    /** A reviewer looks for what to revoke: the riskiest grants of each cluster on top (stable otherwise). */
    private static EverywhereAnswer riskiestFirst(EverywhereAnswer answer) {
        Comparator<GrantRow> byRisk = Comparator.comparing((GrantRow g) -> RiskLevel.parse(g.risk())).reversed();
        return new EverywhereAnswer(answer.subject(), answer.clusters().stream()
                .map(c -> new ClusterGrants(c.clusterId(), c.clusterName(), c.risk(), c.hopsToAdmin(), c.total(),
                        c.grants().stream().sorted(byRisk).toList()))
                .toList());
    }
}
