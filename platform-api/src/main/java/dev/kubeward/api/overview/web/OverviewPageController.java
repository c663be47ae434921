package dev.kubeward.api.overview.web;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.cluster.ClusterSummary;
import dev.kubeward.api.compliance.FrameworkQueries;
import dev.kubeward.api.compliance.FrameworkSummary;
import dev.kubeward.api.finding.FindingFacetCounts;
import dev.kubeward.api.finding.FindingFacets;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSort;
import dev.kubeward.api.query.SeverityCounts;
import dev.kubeward.api.ui.UiFormat;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The overview: every cluster of the tenant grouped by cloud with its score in the chosen framework, the
 * tenant-wide score per framework, what fails most, what to fix first and the newest critical findings.
 * Summary before list (UI.md): every number links to the findings behind it.
 */
@UiPage
@Controller
class OverviewPageController {

    /** Frameworks shown as headline cards; the rest are one click away on the frameworks page. */
    private static final List<String> HEADLINE = List.of("NSA", "MITRE", "SOC2", "PCI-DSS-v4.0", "PSS-Restricted", "KubewardRBAC");
    private static final List<String> CLOUD_ORDER = List.of("eks", "aks", "gke", "onprem");
    private static final Set<String> ATTENTION = Set.of("stale", "rejected", "pending");

    private final ClusterQueries clusters;
    private final FrameworkQueries frameworks;
    private final FindingFacetCounts facets;
    private final FindingQueries findings;
    private final OverviewQueries overview;

    OverviewPageController(ClusterQueries clusters, FrameworkQueries frameworks, FindingFacetCounts facets, FindingQueries findings,
                           OverviewQueries overview) {
        this.clusters = clusters;
        this.frameworks = frameworks;
        this.facets = facets;
        this.findings = findings;
        this.overview = overview;
    }

    /** A cloud with its clusters, in a stable order. */
    record CloudGroup(String provider, List<ClusterSummary> clusters, SeverityCounts open) {
    }

    @GetMapping({"/", "/overview"})
    String overview(@RequestParam(required = false) String fw, Model model) {
        String framework = ControlCatalog.standard().framework(fw == null ? "" : fw).map(f -> f.name()).orElse(UiFormat.DEFAULT_FRAMEWORK);
        List<ClusterSummary> all = clusters.all();
        Map<String, List<ClusterSummary>> byCloud = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparingInt((ClusterSummary c) -> cloudRank(c.provider())).thenComparing(ClusterSummary::name))
                .forEach(c -> byCloud.computeIfAbsent(c.provider(), k -> new ArrayList<>()).add(c));
        List<CloudGroup> groups = byCloud.entrySet().stream().map(e -> new CloudGroup(e.getKey(), e.getValue(),
                e.getValue().stream().map(ClusterSummary::openFindings).filter(Objects::nonNull).reduce(SeverityCounts.ZERO, SeverityCounts::plus))).toList();

        List<FrameworkSummary> summaries = frameworks.list();
        Map<String, FrameworkSummary> byName = new LinkedHashMap<>();
        summaries.forEach(s -> byName.put(s.name(), s));
        List<String> headline = new ArrayList<>();
        headline.add(framework);
        // the CIS benchmark of each cloud in use is as much a headline as NSA
        for (String p : byCloud.keySet()) cisFor(p).filter(byName::containsKey).filter(n -> !headline.contains(n)).ifPresent(headline::add);
        HEADLINE.stream().filter(byName::containsKey).filter(n -> !headline.contains(n)).forEach(headline::add);

        FindingFacets counts = facets.facets(List.of(), 8);
        long attention = all.stream().filter(c -> ATTENTION.contains(c.status())).count();

        model.addAttribute("fw", framework);
        model.addAttribute("frameworks", ControlCatalog.standard().frameworks());
        model.addAttribute("selected", byName.get(framework));
        model.addAttribute("headline", headline.stream().limit(8).map(byName::get).toList());
        model.addAttribute("groups", groups);
        model.addAttribute("clusterCount", all.size());
        model.addAttribute("attention", attention);
        model.addAttribute("stale", all.stream().filter(c -> "stale".equals(c.status())).count());
        model.addAttribute("open", counts.open());
        model.addAttribute("topControls", counts.controls());
        model.addAttribute("fixFirst", frameworks.fixFirst(framework, null, 5));
        model.addAttribute("newestCritical", findings.page(new FindingFilter(null, null, null, List.of("critical"), null, null, "open",
                null, null, null), new FindingSort.Order(FindingSort.FIRST_SEEN, true), 0, 6).items());
        model.addAttribute("spark", overview.sparklines(framework, 14));
        model.addAttribute("week", overview.changesSince(7));
        return "overview/index";
    }

    static int cloudRank(String provider) {
        int i = CLOUD_ORDER.indexOf(provider);
        return i < 0 ? CLOUD_ORDER.size() : i;
    }

    static java.util.Optional<String> cisFor(String provider) {
        return switch (provider == null ? "" : provider) {
            case "eks" -> java.util.Optional.of("cis-eks-t1.8.0");
            case "aks" -> java.util.Optional.of("cis-aks-t1.8.0");
            case "gke" -> java.util.Optional.of("cis-gke-v1.9.0");
            case "onprem" -> java.util.Optional.of("cis-v1.12.0");
            default -> java.util.Optional.empty();
        };
    }
}
