package dev.kubeward.api.report;

import dev.kubeward.api.report.ComplianceReport.ClusterInScope;
import dev.kubeward.api.report.ComplianceReport.ControlRow;
import dev.kubeward.api.report.ComplianceReport.Cover;
import dev.kubeward.api.report.ComplianceReport.Evidence;
import dev.kubeward.api.report.ComplianceReport.ExceptionEntry;
import dev.kubeward.api.report.ComplianceReport.Method;
import dev.kubeward.api.report.ComplianceReport.NotEvaluated;
import dev.kubeward.api.report.ComplianceReport.Summary;
import dev.kubeward.api.report.ComplianceReport.TrendPoint;
import dev.kubeward.api.report.internal.ReportData;
import dev.kubeward.api.report.internal.ReportData.ClusterRow;
import dev.kubeward.api.report.internal.ReportData.ControlCounts;
import dev.kubeward.api.report.internal.ReportData.EvidenceRow;
import dev.kubeward.api.report.internal.ReportData.ScanRef;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.ControlDefinition;
import dev.kubeward.engine.catalog.Framework;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Assembles a {@link ComplianceReport} from per-scan summaries, findings and exceptions of the tenant in scope. */
@Component
public class ReportBuilder {

    private final ReportData data;
    private final ControlCatalog catalog = ControlCatalog.standard();
    private final Duration staleAfter;

    public ReportBuilder(ReportData data, @Value("${kubeward.reports.stale-after:48h}") Duration staleAfter) {
        this.data = data;
        this.staleAfter = staleAfter;
    }

    /** The control counts of several clusters pooled: a control's score is over all their resources. */
    record Pooled(String status, int failed, int passed, int excepted) {
        Double score() {
            int evaluated = failed + passed;
            return evaluated == 0 || !scored() ? null : round(100.0 * (passed + Math.min(excepted, failed)) / evaluated);
        }

        boolean scored() {
            return "passed".equals(status) || "failed".equals(status) || "excepted".equals(status);
        }
    }

    public ComplianceReport build(UUID reportId, ReportRequest request, String generatedBy, Instant now) {
        UUID tenant = TenantContext.require();
        Framework fw = catalog.framework(request.framework() == null ? "" : request.framework())
                .orElseThrow(() -> new IllegalArgumentException("unknown framework '" + request.framework() + "'; known: "
                        + catalog.frameworks().stream().map(Framework::name).collect(Collectors.joining(", "))));
        Instant to = request.to() == null || request.to().isAfter(now) ? now : request.to();
        Instant from = request.from() == null ? to.minus(Duration.ofDays(30)) : request.from();
        if (!from.isBefore(to)) throw new IllegalArgumentException("the period must start before it ends");
        ReportScope scope = request.scope() == null ? ReportScope.all() : request.scope();
        List<ClusterRow> clusters = data.clusters(tenant, scope);
        if (clusters.isEmpty()) throw new IllegalArgumentException("no cluster in scope (" + scope.describe() + ")");
        List<UUID> ids = clusters.stream().map(ClusterRow::id).toList();
        List<String> controlIds = fw.controlIds();

        Map<UUID, ScanRef> endScans = assessed(data.latestScans(tenant, ids, to), to);
        Map<UUID, ScanRef> startScans = assessed(data.latestScans(tenant, ids, from), from);
        List<ControlCounts> endCounts = data.controlCounts(tenant, scanIds(endScans), controlIds);
        Map<String, Pooled> pooled = pool(endCounts);
        Double score = frameworkScore(pooled);
        Double startScore = frameworkScore(pool(data.controlCounts(tenant, scanIds(startScans), controlIds)));

        List<UUID> assessedIds = List.copyOf(endScans.keySet());
        Map<UUID, String> clusterNames = clusters.stream().collect(Collectors.toMap(ClusterRow::id, ClusterRow::name));
        List<String> withFailures = controlIds.stream().filter(id -> pooled.containsKey(id) && pooled.get(id).failed() > 0).toList();
        Map<String, List<EvidenceRow>> evidence = data.evidence(tenant, assessedIds, withFailures).stream()
                .collect(Collectors.groupingBy(EvidenceRow::controlId, LinkedHashMap::new, Collectors.toList()));

        List<ControlRow> rows = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        int passed = 0, failed = 0, na = 0, external = 0, manual = 0, withExceptions = 0, excepted = 0;
        for (String id : controlIds) {
            Optional<ControlDefinition> def = catalog.control(id);
            Pooled p = pooled.getOrDefault(id, new Pooled("not-evaluated", 0, 0, 0));
            List<Evidence> ev = evidence.getOrDefault(id, List.of()).stream().map(e -> new Evidence(clusterNames.get(e.clusterId()), e.kind(),
                    e.namespace(), e.name(), e.firstSeen(), e.failedPaths(), e.exceptedBy())).toList();
            List<String> exceptedBy = ev.stream().map(Evidence::exceptedBy).filter(Objects::nonNull).distinct().toList();
            rows.add(new ControlRow(id, def.map(ControlDefinition::name).orElse(id), def.map(d -> d.severity().label()).orElse("Unknown"),
                    p.status(), p.failed(), p.passed(), p.excepted(), p.score(), def.map(ControlDefinition::remediation).orElse(""),
                    ev, p.failed(), exceptedBy));
            switch (p.status()) {
                case "passed", "excepted" -> passed++;
                case "failed" -> failed++;
                case "requires-external-data" -> external++;
                case "manual" -> manual++;
                default -> na++;
            }
            if (p.excepted() > 0) withExceptions++;
            excepted += p.excepted();
            if (!p.scored()) notEvaluated.add(new NotEvaluated(id, def.map(ControlDefinition::name).orElse(id), p.status(), why(p.status(), def, clusters)));
        }
        Map<String, Integer> open = data.openBySeverityAndAge(tenant, assessedIds, controlIds, to);
        Map<String, Integer> criticalByAge = new LinkedHashMap<>();
        for (String age : List.of("< 7 days", "7-30 days", "> 30 days")) criticalByAge.put(age, open.getOrDefault("critical:" + age, 0));

        List<ClusterInScope> inScope = clusters.stream().map(c -> clusterInScope(c, endScans.get(c.id()), endCounts, to)).toList();
        Summary summary = new Summary(score, startScore, score == null || startScore == null ? null : round(score - startScore),
                passed, failed, na, external, manual, withExceptions, excepted, open.getOrDefault("critical", 0), open.getOrDefault("high", 0),
                criticalByAge, endScans.size(), clusters.size() - endScans.size());
        List<ExceptionEntry> exceptions = data.exceptions(tenant, ids, controlIds, from, to).stream().map(e -> new ExceptionEntry(e.name(),
                e.status(), e.reason(), e.compensatingControl(), e.owner(), e.requestedBy(), e.requestedAt(), e.decidedBy(), e.decidedAt(),
                e.expiresAt(), e.ticketUrl(), e.controls().isEmpty() ? List.of("all controls") : e.controls(),
                e.scope().isBlank() ? "everything" : e.scope(), e.covered())).toList();
        String library = endScans.values().stream().map(ScanRef::libraryVersion).filter(Objects::nonNull).findFirst().orElse("n/a");
        Cover cover = new Cover(reportId, data.tenantName(tenant), fw.name(), title(fw), library, from, to, to, scope.describe(),
                generatedBy, now);
        return new ComplianceReport(cover, summary, inScope, trend(tenant, fw.name(), assessedIds, from, to), rows, exceptions, notEvaluated,
                method());
    }

    private Map<UUID, ScanRef> assessed(List<ScanRef> scans, Instant at) {
        Map<UUID, ScanRef> out = new LinkedHashMap<>();
        for (ScanRef s : scans) if (!s.scannedAt().isBefore(at.minus(staleAfter))) out.put(s.clusterId(), s);
        return out;
    }

    private static List<UUID> scanIds(Map<UUID, ScanRef> scans) {
        return scans.values().stream().map(ScanRef::scanId).toList();
    }

    static Map<String, Pooled> pool(List<ControlCounts> counts) {
        Map<String, List<ControlCounts>> byControl = counts.stream().collect(Collectors.groupingBy(ControlCounts::controlId));
        Map<String, Pooled> out = new LinkedHashMap<>();
        byControl.forEach((id, list) -> {
            int f = 0, p = 0, x = 0;
            boolean scored = false;
            for (ControlCounts c : list) {
                if ("passed".equals(c.status()) || "failed".equals(c.status())) {
                    scored = true;
                    f += c.failed();
                    p += c.passed();
                    x += Math.min(c.excepted(), c.failed());
                }
            }
            String status = !scored ? list.get(0).status() : f == 0 ? "passed" : f - x <= 0 ? "excepted" : "failed";
            out.put(id, new Pooled(status, f, p, x));
        });
        return out;
    }

    static Double frameworkScore(Map<String, Pooled> controls) {
        List<Double> scores = controls.values().stream().map(Pooled::score).filter(Objects::nonNull).toList();
        return scores.isEmpty() ? null : round(scores.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    private ClusterInScope clusterInScope(ClusterRow c, ScanRef scan, List<ControlCounts> counts, Instant to) {
        if (scan == null) {
            String note = c.lastSnapshot() == null ? "never scanned: not assessed"
                    : "no scan within " + staleAfter.toHours() + " h before the end of the period: not assessed";
            return new ClusterInScope(c.id(), c.name(), c.provider(), c.region(), c.kubernetesVersion(), c.agentVersion(), c.lastSnapshot(),
                    null, false, note);
        }
        Double score = frameworkScore(pool(counts.stream().filter(x -> x.clusterId().equals(c.id())).toList()));
        return new ClusterInScope(c.id(), c.name(), c.provider(), c.region(), c.kubernetesVersion(), c.agentVersion(), scan.scannedAt(),
                score, true, "assessed from the scan of " + new ReportFormat().ts(scan.scannedAt()));
    }

    /** Per day: the mean over clusters of each cluster's last score that day, carried forward over days without a scan. */
    private List<TrendPoint> trend(UUID tenant, String framework, List<UUID> clusters, Instant from, Instant to) {
        TreeMap<LocalDate, Map<UUID, Double>> byDay = new TreeMap<>();
        for (ReportData.ScorePoint p : data.scores(tenant, framework, clusters, from, to)) {
            if (p.score() != null) byDay.computeIfAbsent(ReportData.day(p.at()), d -> new LinkedHashMap<>()).put(p.clusterId(), p.score());
        }
        List<TrendPoint> out = new ArrayList<>();
        Map<UUID, Double> last = new LinkedHashMap<>();
        if (byDay.isEmpty()) return out;
        for (LocalDate d = byDay.firstKey(); !d.isAfter(ReportData.day(to)); d = d.plusDays(1)) {
            Map<UUID, Double> today = byDay.get(d);
            if (today != null) last.putAll(today);
            out.add(new TrendPoint(d, round(last.values().stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        }
        return out;
    }

    private static String why(String status, Optional<ControlDefinition> def, List<ClusterRow> clusters) {
        return switch (status) {
            case "requires-external-data" -> "needs data the Kubernetes API does not give"
                    + def.filter(d -> !d.externalData().isEmpty()).map(d -> " (" + String.join(", ", d.externalData()) + ")").orElse("")
                    + "; assess it with host, cloud or image-scan evidence";
            case "manual" -> "needs a human review; not scored";
            case "not-applicable" -> clusters.stream().anyMatch(c -> MANAGED.contains(String.valueOf(c.provider()).toLowerCase()))
                    ? "no resources of the kinds it checks (on managed clusters the control plane is not visible)"
                    : "no resources of the kinds it checks";
            default -> "no rule implements it yet, or no cluster in scope was scanned for it";
        };
    }

    /** The catalogue names CIS benchmarks by id only; a report's cover says what they are. */
    static String title(Framework fw) {
        if (!fw.title().equals(fw.name()) || !fw.name().startsWith("cis-")) return fw.title();
        String[] parts = fw.name().split("-");
        String version = parts[parts.length - 1].replaceFirst("^[vt]", "");
        String platform = parts.length == 2 ? "Kubernetes" : switch (parts[1]) {
            case "eks" -> "Amazon EKS";
            case "aks" -> "Azure AKS";
            case "gke" -> "Google GKE";
            default -> parts[1].toUpperCase(java.util.Locale.ROOT);
        };
        return "CIS " + platform + " Benchmark v" + version;
    }

    private static Method method() {
        return new Method(
                "Control score = (passed + excepted resources) / evaluated resources x 100. Framework score = unweighted mean of the "
                        + "scores of its applicable controls (Kubescape's compliance score). Severity does not weigh in.",
                "Several clusters are pooled: a control's score is computed over the resources of all assessed clusters.",
                "Resources covered by an approved, unexpired exception count as passed; the control table says how many were excepted "
                        + "and by which exception, and the exception register gives the justification.",
                "Controls with no resources to evaluate (N/A), controls that need host, cloud or image data, manual controls and controls "
                        + "without an implemented rule are listed with the reason and left out of the mean, never counted as 0 or 100. "
                        + "Clusters without a scan in the 48 hours before the end of the period are listed as not assessed.",
                "Score trend: per day, the mean of the clusters' framework scores, carried forward over days without a scan.");
    }

    private static Double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static final java.util.Set<String> MANAGED = java.util.Set.of("eks", "aks", "gke");
}
