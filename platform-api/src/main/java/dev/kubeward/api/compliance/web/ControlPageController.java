package dev.kubeward.api.compliance.web;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.compliance.ControlDetail;
import dev.kubeward.api.compliance.ControlQueries;
import dev.kubeward.api.finding.FindingFilter;
import dev.kubeward.api.finding.FindingQueries;
import dev.kubeward.api.finding.FindingSort;
import dev.kubeward.api.finding.FindingSummary;
import dev.kubeward.api.query.PageResult;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One control: what it checks and why, how to fix it, its score per cluster, and every failing resource
 * with the failed paths and a patch that fixes it, narrowed by cluster, namespace and kind.
 */
@UiPage
@Controller
class ControlPageController {

    static final int PAGE_SIZE = 20;
    /** Clusters in the score card: the ones failing most; the cluster filter reaches the others. */
    static final int WORST_CLUSTERS = 10;

    private final ControlQueries controls;
    private final FindingQueries findings;
    private final ClusterQueries clusters;
    private final ControlEvidence evidence;

    ControlPageController(ControlQueries controls, FindingQueries findings, ClusterQueries clusters, ControlEvidence evidence) {
        this.controls = controls;
        this.findings = findings;
        this.clusters = clusters;
        this.evidence = evidence;
    }

    @GetMapping("/controls/{id}")
    String control(@PathVariable String id, @RequestParam(required = false) UUID cluster, @RequestParam(required = false) String namespace,
                   @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page, Model model) {
        ControlDetail d = controls.detail(id);
        String ns = namespace == null || namespace.isBlank() ? null : namespace.trim();
        String k = kind == null || kind.isBlank() ? null : kind.trim();
        FindingFilter filter = new FindingFilter(cluster == null ? null : List.of(cluster), null, List.of(d.control().id()), null, ns, k,
                "open", null, null, null);
        PageResult<FindingSummary> failing = findings.page(filter, FindingSort.Order.DEFAULT, Math.max(0, page), PAGE_SIZE,
                ns == null && k == null ? openFindings(d, cluster) : null);
        Map<Long, ControlEvidence.Evidence> ev = evidence.of(failing.items().stream().map(FindingSummary::id).toList());
        model.addAttribute("d", d);
        model.addAttribute("def", ControlCatalog.standard().control(d.control().id()).orElse(null));
        model.addAttribute("failing", failing);
        model.addAttribute("evidence", ev);
        model.addAttribute("worstClusters", d.clusters().stream()
                .sorted(Comparator.comparingLong((ControlDetail.ClusterScore c) -> -c.score().failed()).thenComparing(ControlDetail.ClusterScore::clusterName))
                .limit(WORST_CLUSTERS).toList());
        model.addAttribute("failingClusters", d.clusters().stream().filter(c -> c.score().failed() > 0).count());
        // names only: health, scans and scores of every cluster are not needed to fill a select
        model.addAttribute("clusters", clusters.names());
        model.addAttribute("kinds", evidence.kinds(d.control().id()));
        model.addAttribute("namespaces", evidence.namespaces(d.control().id(), cluster));
        model.addAttribute("cluster", cluster);
        model.addAttribute("namespace", ns);
        model.addAttribute("kind", k);
        return "control/index";
    }

    /**
     * The control's open findings, from its last-scan summaries: one per failed resource, excepted ones included (as the
     * list shows them). Counting 130k findings for the pager took most of the page's time at 3M findings.
     */
    static long openFindings(ControlDetail d, UUID cluster) {
        return d.clusters().stream().filter(c -> cluster == null || c.clusterId().equals(cluster)).mapToLong(c -> c.score().failed()).sum();
    }
}
