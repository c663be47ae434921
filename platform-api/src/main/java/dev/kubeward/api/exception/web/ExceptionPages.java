package dev.kubeward.api.exception.web;

import dev.kubeward.api.cluster.ClusterQueries;
import dev.kubeward.api.exception.ExceptionRequest;
import dev.kubeward.api.exception.ExceptionScope;
import dev.kubeward.api.export.CsvTable;
import dev.kubeward.api.exception.ExceptionService;
import dev.kubeward.api.exception.RiskException;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Page 13, Exceptions: the register with status filters, the review list, request, approve, revoke and import. */
@UiPage
@Controller
class ExceptionPages {

    private static final Duration REVIEW = Duration.ofDays(30);
    private final ExceptionService exceptions;
    private final ClusterQueries clusters;

    ExceptionPages(ExceptionService exceptions, ClusterQueries clusters) {
        this.exceptions = exceptions;
        this.clusters = clusters;
    }

    /**
     * The request form's starting values: the control page's "Accept risk" links here with the control and the cluster
     * it was narrowed to, and the analyst only adds the reason, owner and expiry.
     */
    record Draft(String name, String controls, String clusters, boolean prefilled) {
        static final Draft EMPTY = new Draft("", "", "", false);
    }

    /** A row of the register: the exception and the status people read. */
    record Row(RiskException e, String status, boolean overBroad, boolean unused) {
    }

    @GetMapping("/exceptions")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String control,
                @RequestParam(required = false) UUID cluster, Model model) {
        List<Row> rows = rows(status);
        Instant now = Instant.now();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of("pending", "active", "expiring", "expired", "revoked", "rejected")) counts.put(s, 0L);
        exceptions.list(null).forEach(e -> counts.merge(e.displayStatus(now, REVIEW), 1L, Long::sum));
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("status", status);
        model.addAttribute("reviewDue", exceptions.reviewDue(30));
        model.addAttribute("autoApprove", exceptions.autoApprove());
        model.addAttribute("defaultExpiry", LocalDate.now(ZoneOffset.UTC).plusDays(90));
        model.addAttribute("draft", draft(control, cluster));
        return "exceptions/index";
    }

    /** The register, filtered as on the page, as CSV. */
    @GetMapping("/exceptions/export")
    @ResponseBody
    ResponseEntity<String> export(@RequestParam(required = false) String status) {
        CsvTable csv = CsvTable.of("id", "name", "status", "controls", "clusters", "namespaces", "kinds", "names", "labels", "reason",
                "compensating_control", "owner", "ticket", "source", "requested_by", "requested_at", "decided_by", "decided_at", "expires_at",
                "matches", "last_matched_at", "over_broad", "unused");
        for (Row r : rows(status)) {
            RiskException e = r.e();
            ExceptionScope sc = e.scope();
            csv.row(e.id(), e.name(), r.status(), String.join(" ", sc.controls()), String.join(" ", sc.clusters()), String.join(" ", sc.namespaces()),
                    String.join(" ", sc.kinds()), String.join(" ", sc.names()), sc.labels().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                            .collect(java.util.stream.Collectors.joining(" ")), e.reason(), e.compensatingControl(), e.owner(), e.ticketUrl(),
                    e.source(), e.requestedBy(), e.requestedAt(), e.decidedBy(), e.decidedAt(), e.expiresAt(), e.matchCount(), e.lastMatchedAt(),
                    r.overBroad(), r.unused());
        }
        return csv.download("exceptions");
    }

    private List<Row> rows(String status) {
        Instant now = Instant.now();
        return exceptions.list(null).stream()
                .map(e -> new Row(e, e.displayStatus(now, REVIEW), e.overBroad(), RiskException.ACTIVE.equals(e.status()) && e.matchCount() == 0))
                .filter(r -> status == null || status.isBlank() || r.status().equals(status) || ("unused".equals(status) && r.unused()))
                .toList();
    }

    /** An unknown control is left out rather than refused: the form says what it covers and the analyst can correct it. */
    private Draft draft(String control, UUID cluster) {
        String controlId = control == null ? null : ControlCatalog.standard().control(control.trim()).map(c -> c.id()).orElse(null);
        String clusterName = cluster == null ? null : clusters.requireName(cluster);
        if (controlId == null && clusterName == null) return Draft.EMPTY;
        String name = "Accept " + (controlId == null ? "all controls" : controlId) + (clusterName == null ? "" : " in " + clusterName);
        return new Draft(name, controlId == null ? "" : controlId, clusterName == null ? "" : clusterName, true);
    }

    @PostMapping("/exceptions")
    String create(@RequestParam String name, @RequestParam(defaultValue = "") String controls, @RequestParam(defaultValue = "") String clusters,
                  @RequestParam(defaultValue = "") String namespaces, @RequestParam(defaultValue = "") String kinds,
                  @RequestParam(defaultValue = "") String names, @RequestParam(defaultValue = "") String labels,
                  @RequestParam String reason, @RequestParam(required = false) String compensatingControl, @RequestParam String owner,
                  @RequestParam(required = false) String ticketUrl, @RequestParam LocalDate expires, RedirectAttributes flash) {
        return act(flash, () -> {
            RiskException e = exceptions.request(new ExceptionRequest(name, split(controls), split(clusters), split(namespaces), split(kinds),
                    split(names), labels(labels), reason, compensatingControl, owner, ticketUrl, expires.atStartOfDay().toInstant(ZoneOffset.UTC)));
            return "Exception '" + e.name() + "' is " + e.status() + ".";
        });
    }

    @PostMapping("/exceptions/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> "Approved '" + exceptions.approve(id).name() + "'; its findings now count as passed.");
    }

    @PostMapping("/exceptions/{id}/reject")
    String reject(@PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> "Rejected '" + exceptions.reject(id).name() + "'.");
    }

    @PostMapping("/exceptions/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes flash) {
        return act(flash, () -> "Revoked '" + exceptions.revoke(id, "revoked in the UI").name() + "'; its findings are open again.");
    }

    @PostMapping("/exceptions/import")
    String importFile(@RequestParam String file, @RequestParam String owner, @RequestParam LocalDate expires, RedirectAttributes flash) {
        return act(flash, () -> exceptions.importKubescape(file, owner, expires.atStartOfDay().toInstant(ZoneOffset.UTC), null).size()
                + " exceptions imported from the Kubescape file.");
    }

    @PostMapping("/exceptions/settings")
    String settings(@RequestParam(defaultValue = "false") boolean autoApprove, RedirectAttributes flash) {
        return act(flash, () -> {
            exceptions.setAutoApprove(autoApprove);
            return autoApprove ? "New exceptions are approved automatically." : "New exceptions wait for an admin's approval.";
        });
    }

    private static String act(RedirectAttributes flash, java.util.function.Supplier<String> action) {
        try {
            flash.addFlashAttribute("message", action.get());
        } catch (IllegalArgumentException | ResponseStatusException e) {
            flash.addFlashAttribute("error", e instanceof ResponseStatusException r ? r.getReason() : e.getMessage());
        }
        return "redirect:/exceptions";
    }

    static List<String> split(String s) {
        return Arrays.stream(s.split("[,\\n]")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    static Map<String, String> labels(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : split(s)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("labels are key=value pairs, separated by commas");
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }
}
