package dev.kubeward.api.cluster.web;

import dev.kubeward.api.cluster.ClusterFilter;
import dev.kubeward.api.cluster.ClusterName;
import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.cluster.ClusterSummary;
import dev.kubeward.api.export.CsvTable;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.query.Paging;
import dev.kubeward.api.ui.UiFormat;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The clusters list and one cluster's page: coverage, framework scores, what fails most, where, and scan history. */
@UiPage
@Controller
class ClusterPageController {

    private final ClusterQueries clusters;
    private final ClusterPageQueries queries;

    ClusterPageController(ClusterQueries clusters, ClusterPageQueries queries) {
        this.clusters = clusters;
        this.queries = queries;
    }

    @GetMapping("/clusters")
    String list(@RequestParam(required = false) String provider, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String fw, @RequestParam(defaultValue = "0") int page, Model model) {
        String framework = ControlCatalog.standard().framework(fw == null ? "" : fw).map(f -> f.name()).orElse(UiFormat.DEFAULT_FRAMEWORK);
        PageResult<ClusterSummary> result = clusters.list(new ClusterFilter(blank(provider), blank(status), blank(q), blank(sort), framework), page, 50);
        model.addAttribute("result", result);
        model.addAttribute("providers", clusters.names().stream().map(ClusterName::provider).distinct().sorted().toList());
        model.addAttribute("fw", framework);
        model.addAttribute("frameworks", ControlCatalog.standard().frameworks());
        model.addAttribute("provider", blank(provider));
        model.addAttribute("status", blank(status));
        model.addAttribute("q", blank(q));
        model.addAttribute("sort", blank(sort) == null ? "name" : sort);
        return "clusters/index";
    }

    /** The filtered cluster list as CSV, every page of it, in the list's order. */
    @GetMapping("/clusters/export")
    @ResponseBody
    ResponseEntity<String> export(@RequestParam(required = false) String provider, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                                  @RequestParam(required = false) String fw) {
        String framework = ControlCatalog.standard().framework(fw == null ? "" : fw).map(f -> f.name()).orElse(UiFormat.DEFAULT_FRAMEWORK);
        ClusterFilter filter = new ClusterFilter(blank(provider), blank(status), blank(q), blank(sort), framework);
        CsvTable csv = CsvTable.of("id", "name", "cloud", "region", "kubernetes_version", "agent_version", "status", "last_snapshot_at",
                "objects", "score_" + framework, "open_critical", "open_high", "open_medium", "open_low");
        PageResult<ClusterSummary> page;
        int n = 0;
        do {
            page = clusters.list(filter, n++, Paging.MAX_SIZE);
            for (ClusterSummary c : page.items()) {
                csv.row(c.id(), c.name(), c.provider(), c.region(), c.kubernetesVersion(), c.agentVersion(), c.status(), c.lastSnapshotAt(),
                        c.objectCount(), c.frameworkScores().get(framework), c.openFindings().critical(), c.openFindings().high(),
                        c.openFindings().medium(), c.openFindings().low());
            }
        } while ((long) n * Paging.MAX_SIZE < page.total());
        return csv.download("clusters");
    }

    @GetMapping("/clusters/{id}")
    String cluster(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean hideSystem, Model model) {
        ClusterSummary c = clusters.get(id);
        model.addAttribute("c", c);
        model.addAttribute("hideSystem", hideSystem);
        model.addAttribute("scans", clusters.scans(id, 0, 15).items());
        model.addAttribute("rejections", clusters.rejections(id, 5));
        if (c.lastScanId() != null) {
            model.addAttribute("coverage", queries.coverage(c.lastScanId()));
            model.addAttribute("frameworks", queries.frameworks(c.lastScanId()).stream()
                    .sorted(Comparator.comparing((ClusterPageQueries.FrameworkRow f) -> f.score() == null)
                            .thenComparing(f -> f.score() == null ? 0 : f.score().doubleValue()).thenComparing(ClusterPageQueries.FrameworkRow::framework))
                    .toList());
            model.addAttribute("failing", queries.failingControls(c.lastScanId(), 10));
            model.addAttribute("namespaces", queries.namespaces(id, hideSystem, 12));
            model.addAttribute("resources", queries.resources(id, hideSystem, 10));
        } else {
            model.addAttribute("frameworks", List.of());
            model.addAttribute("failing", List.of());
            model.addAttribute("namespaces", List.of());
            model.addAttribute("resources", List.of());
        }
        return "cluster/index";
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
