package dev.kubeward.api.compliance.web;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.cluster.ClusterSummary;
import dev.kubeward.api.compliance.FrameworkControl;
import dev.kubeward.api.compliance.FrameworkDetail;
import dev.kubeward.api.compliance.FrameworkQueries;
import dev.kubeward.api.compliance.FrameworkSummary;
import dev.kubeward.api.ui.UiFormat;
import dev.kubeward.api.ui.UiPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The compliance lens: every framework with its tenant score and spread over clusters, and one framework
 * with the formula behind its score ("why is this 72%?") and its controls ranked by what fixing them gains.
 */
@UiPage
@Controller
class CompliancePageController {

    private static final Map<String, Integer> SEVERITY_RANK = Map.of("critical", 4, "high", 3, "medium", 2, "low", 1);

    private final FrameworkQueries frameworks;
    private final ClusterQueries clusters;
    private final UiFormat ui;

    CompliancePageController(FrameworkQueries frameworks, ClusterQueries clusters, UiFormat ui) {
        this.frameworks = frameworks;
        this.clusters = clusters;
        this.ui = ui;
    }

    @GetMapping({"/compliance", "/frameworks"})
    String list(Model model) {
        List<FrameworkSummary> all = frameworks.list();
        model.addAttribute("frameworks", all.stream()
                .sorted(Comparator.comparing((FrameworkSummary f) -> f.tenantScore() == null).thenComparing(FrameworkSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList());
        model.addAttribute("clusterCount", clusters.all().size());
        return "frameworks/index";
    }

    @GetMapping("/frameworks/{name}")
    String framework(@PathVariable String name, @RequestParam(required = false) UUID cluster,
                     @RequestParam(defaultValue = "gain") String sort, @RequestParam(defaultValue = "applicable") String show,
                     @RequestParam(required = false) String severity, Model model) {
        FrameworkDetail d = frameworks.detail(name, cluster);
        Stream<FrameworkControl> rows = d.controls().stream();
        rows = switch (show) {
            case "failed" -> rows.filter(c -> c.failed() > 0);
            case "all" -> rows;
            default -> rows.filter(c -> c.score() != null);
        };
        if (severity != null && !severity.isBlank()) rows = rows.filter(c -> c.severity().equals(severity));
        Comparator<FrameworkControl> order = switch (sort) {
            case "id" -> Comparator.comparing(FrameworkControl::id);
            case "score" -> Comparator.comparing((FrameworkControl c) -> c.score() == null ? 101.0 : c.score()).thenComparing(FrameworkControl::id);
            case "failed" -> Comparator.comparingLong(FrameworkControl::failed).reversed().thenComparing(FrameworkControl::id);
            case "severity" -> Comparator.comparingInt((FrameworkControl c) -> -SEVERITY_RANK.getOrDefault(c.severity(), 0))
                    .thenComparing(Comparator.comparingDouble(FrameworkControl::gain).reversed());
            default -> Comparator.comparingDouble(FrameworkControl::gain).reversed()
                    .thenComparing((FrameworkControl c) -> -SEVERITY_RANK.getOrDefault(c.severity(), 0)).thenComparing(FrameworkControl::id);
        };
        List<FrameworkControl> controls = rows.sorted(order).toList();
        List<ClusterSummary> all = clusters.all();
        model.addAttribute("d", d);
        model.addAttribute("title", ui.framework(d.name()));
        model.addAttribute("controls", controls);
        model.addAttribute("fixFirst", frameworks.fixFirst(d.name(), cluster, 5));
        model.addAttribute("clusters", all);
        model.addAttribute("clusterName", cluster == null ? null : all.stream().filter(c -> c.id().equals(cluster)).map(ClusterSummary::name).findFirst().orElse(null));
        model.addAttribute("cluster", cluster);
        model.addAttribute("sort", sort);
        model.addAttribute("show", show);
        model.addAttribute("severity", severity == null || severity.isBlank() ? null : severity);
        model.addAttribute("passedControls", d.controls().stream().filter(c -> "passed".equals(c.status())).count());
        model.addAttribute("failedControls", d.controls().stream().filter(c -> c.failed() > 0).count());
        model.addAttribute("excepted", d.controls().stream().mapToLong(FrameworkControl::excepted).sum());
        model.addAttribute("external", d.controls().stream().filter(c -> c.score() == null
                && ("requires-external-data".equals(c.status()) || "manual".equals(c.status()))).count());
        return "framework/index";
    }
}
