package dev.kubeward.api.drift.web;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.cluster.ClusterSummary;
import dev.kubeward.api.cluster.ScanSummary;
import dev.kubeward.api.drift.Drift;
import dev.kubeward.api.drift.DriftQueries;
import dev.kubeward.api.finding.FindingSummary;
import dev.kubeward.api.query.BadRequestException;
import dev.kubeward.api.ui.UiPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Drift between two scans of a cluster (default: its last two): findings that appeared or were fixed and
 * objects added, removed or changed — shown per object, so a new finding sits next to the change that
 * caused it.
 */
@UiPage
@Controller
class DriftPageController {

    static final int LIMIT = 500;

    private final DriftQueries drift;
    private final ClusterQueries clusters;

    DriftPageController(DriftQueries drift, ClusterQueries clusters) {
        this.drift = drift;
        this.clusters = clusters;
    }

    /** One object and everything that happened to it between the two scans. */
    record ObjectDrift(String kind, String namespace, String name, String change, List<Drift.ChangedFinding> appeared,
                       List<Drift.ChangedFinding> fixed) {
        int weight() {
            return appeared.size() * 10 + fixed.size() * 5 + (change == null ? 0 : 1);
        }
    }

    @GetMapping("/drift")
    String drift(@RequestParam(required = false) UUID cluster, @RequestParam(required = false) UUID from,
                 @RequestParam(required = false) UUID to, @RequestParam(required = false) String day, Model model) {
        List<ClusterSummary> all = clusters.all();
        model.addAttribute("clusters", all);
        UUID clusterId = cluster != null ? cluster : all.stream().filter(c -> c.lastScanId() != null).map(ClusterSummary::id).findFirst().orElse(null);
        model.addAttribute("cluster", clusterId);
        if (clusterId == null) return "drift/index";
        String name = clusters.requireName(clusterId);
        List<ScanSummary> scans = clusters.scans(clusterId, 0, 60).items();
        model.addAttribute("clusterName", name);
        model.addAttribute("scans", scans);
        if (scans.isEmpty()) return "drift/index";
        if (day != null && to == null) {
            // the last scan of that day against the one before it
            LocalDate d = parse(day);
            for (int i = 0; i < scans.size(); i++) {
                if (!LocalDate.ofInstant(scans.get(i).scannedAt(), ZoneOffset.UTC).isAfter(d)) {
                    to = scans.get(i).id();
                    from = i + 1 < scans.size() ? scans.get(i + 1).id() : null;
                    break;
                }
            }
        }
        Drift dr = drift.drift(clusterId, from, to, LIMIT);
        model.addAttribute("d", dr);
        model.addAttribute("objects", byObject(dr));
        model.addAttribute("from", dr.from() == null ? null : dr.from().id());
        model.addAttribute("to", dr.to().id());
        return "drift/index";
    }

    static List<ObjectDrift> byObject(Drift d) {
        Map<String, ObjectDrift> out = new LinkedHashMap<>();
        for (Drift.ObjectChange o : d.objects())
            out.put(key(o.kind(), o.namespace(), o.name()), new ObjectDrift(o.kind(), o.namespace(), o.name(), o.change(), new ArrayList<>(), new ArrayList<>()));
        for (Drift.ChangedFinding f : d.newFindings()) at(out, f.finding()).appeared().add(f);
        for (Drift.ChangedFinding f : d.resolvedFindings()) at(out, f.finding()).fixed().add(f);
        return out.values().stream().sorted(Comparator.comparingInt(ObjectDrift::weight).reversed()
                .thenComparing(ObjectDrift::kind).thenComparing(ObjectDrift::namespace).thenComparing(ObjectDrift::name)).toList();
    }

    private static ObjectDrift at(Map<String, ObjectDrift> out, FindingSummary f) {
        return out.computeIfAbsent(key(f.kind(), f.namespace(), f.name()),
                k -> new ObjectDrift(f.kind(), f.namespace(), f.name(), null, new ArrayList<>(), new ArrayList<>()));
    }

    private static String key(String kind, String ns, String name) {
        return kind + "/" + ns + "/" + name;
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("day must look like 2026-11-20");
        }
    }
}
