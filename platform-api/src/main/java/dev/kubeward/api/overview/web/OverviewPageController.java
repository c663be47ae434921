package dev.kubeward.api.overview.web;

import dev.kubeward.api.cluster.CloudSummary;
import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.cluster.ClusterSummary;
import dev.kubeward.api.compliance.FrameworkQueries;
import dev.kubeward.api.compliance.FrameworkSummary;
import dev.kubeward.api.compliance.TenantStanding;
import dev.kubeward.api.query.SeverityCounts;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSort;
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
import java.util.UUID;

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

    private final ClusterQueries clusters;
    private final FrameworkQueries frameworks;
    private final FindingQueries findings;
    private final OverviewQueries overview;

    OverviewPageController(ClusterQueries clusters, FrameworkQueries frameworks, FindingQueries findings,
                           OverviewQueries overview) {
        this.clusters = clusters;
        this.frameworks = frameworks;
        this.findings = findings;
        this.overview = overview;
    }

    /** Clusters listed per cloud: the overview stays the same size at 5 or 500 clusters; the clusters list pages the rest. */
    static final int PER_CLOUD = 8;

    /** A cloud: its summary and its {@link #PER_CLOUD} lowest-scoring clusters. */
    record CloudGroup(CloudSummary summary, List<ClusterSummary> clusters) {
        public String provider() {
            return summary.provider();
        }

        public int hidden() {
            return summary.clusters() - clusters.size();
        }
    }

    @GetMapping({"/", "/overview"})
    String overview(@RequestParam(required = false) String fw, Model model) {
        String framework = ControlCatalog.standard().framework(fw == null ? "" : fw).map(f -> f.name()).orElse(UiFormat.DEFAULT_FRAMEWORK);
        Map<String, List<ClusterSummary>> worst = new LinkedHashMap<>();
        clusters.worstPerCloud(framework, PER_CLOUD).forEach(c -> worst.computeIfAbsent(c.provider(), k -> new ArrayList<>()).add(c));
        List<CloudGroup> groups = clusters.clouds(framework).stream()
                .sorted(Comparator.comparingInt((CloudSummary c) -> cloudRank(c.provider())).thenComparing(CloudSummary::provider))
                .map(c -> new CloudGroup(c, worst.getOrDefault(c.provider(), List.of()))).toList();
        List<UUID> shown = groups.stream().flatMap(g -> g.clusters().stream()).map(ClusterSummary::id).toList();

        TenantStanding standing = frameworks.standing(framework, 5, 8);
        List<FrameworkSummary> summaries = standing.frameworks();
        Map<String, FrameworkSummary> byName = new LinkedHashMap<>();
        summaries.forEach(s -> byName.put(s.name(), s));
        List<String> headline = new ArrayList<>();
        headline.add(framework);
        // the CIS benchmark of each cloud in use is as much a headline as NSA
        for (CloudGroup g : groups) cisFor(g.provider()).filter(byName::containsKey).filter(n -> !headline.contains(n)).ifPresent(headline::add);
        HEADLINE.stream().filter(byName::containsKey).filter(n -> !headline.contains(n)).forEach(headline::add);

        model.addAttribute("fw", framework);
        model.addAttribute("frameworks", ControlCatalog.standard().frameworks());
        model.addAttribute("selected", byName.get(framework));
        model.addAttribute("headline", headline.stream().limit(8).map(byName::get).toList());
        model.addAttribute("groups", groups);
        model.addAttribute("clusterCount", groups.stream().mapToInt(g -> g.summary().clusters()).sum());
        model.addAttribute("attention", groups.stream().mapToInt(g -> g.summary().attention()).sum());
        model.addAttribute("stale", groups.stream().mapToInt(g -> g.summary().stale()).sum());
        model.addAttribute("open", groups.stream().map(g -> g.summary().open()).reduce(SeverityCounts.ZERO, SeverityCounts::plus));
        model.addAttribute("topControls", standing.topFailing());
        model.addAttribute("fixFirst", standing.fixFirst());
        // a keyset page: the numbered one would count every open critical finding (120k at 3M) to show six
        model.addAttribute("newestCritical", findings.scroll(new FindingFilter(null, null, null, List.of("critical"), null, null, "open",
                null, null, null), new FindingSort.Order(FindingSort.FIRST_SEEN, true), null, 6).items());
        model.addAttribute("spark", overview.sparklines(framework, 14, shown));
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
