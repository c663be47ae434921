package dev.kubeward.api.report.web;

import dev.kubeward.api.alert.AlertAdmin;
import dev.kubeward.api.report.ReportRequest;
import dev.kubeward.api.report.ReportSchedulesService;
import dev.kubeward.api.report.ReportSchedulesService.NewSchedule;
import dev.kubeward.api.report.ReportScope;
import dev.kubeward.api.report.ReportService;
import dev.kubeward.api.report.internal.ReportData;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.ui.UiPage;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Page 12, Reports: generate (framework, clusters or cloud, period), the immutable archive, schedules, downloads. */
@UiPage
@Controller
class ReportPages {

    private final ReportService reports;
    private final ReportSchedulesService schedules;
    private final ReportData data;
    private final AlertAdmin alerts;
    private final ReportJobs jobs;

    ReportPages(ReportService reports, ReportSchedulesService schedules, ReportData data, AlertAdmin alerts, ReportJobs jobs) {
        this.jobs = jobs;
        this.reports = reports;
        this.schedules = schedules;
        this.data = data;
        this.alerts = alerts;
    }

    @GetMapping("/reports")
    String index(Model model) {
        model.addAttribute("frameworks", ControlCatalog.standard().frameworks().stream().map(Framework::name).sorted().toList());
        model.addAttribute("clusters", data.clusters(TenantContext.require(), ReportScope.all()));
        model.addAttribute("archive", reports.list(0, 100));
        model.addAttribute("schedules", schedules.list());
        model.addAttribute("targets", alerts.targets());
        return "reports/index";
    }

    @PostMapping("/reports")
    String generate(@RequestParam String framework, @RequestParam(required = false) List<UUID> clusters,
                    @RequestParam(required = false) String cloud, @RequestParam(defaultValue = "30") int days,
                    @RequestParam(required = false) UUID sendTo, RedirectAttributes flash) {
        try {
            Roles.analyst();
            if (ControlCatalog.standard().framework(framework).isEmpty()) throw new IllegalArgumentException("unknown framework " + framework);
            Instant now = Instant.now();
            ReportJobs.Job job = jobs.start(new ReportRequest(framework, new ReportScope(clusters, cloud), now.minus(Duration.ofDays(days)), now), sendTo);
            return "redirect:/reports/jobs/" + job.id();
        } catch (IllegalArgumentException | ResponseStatusException e) {
            flash.addFlashAttribute("error", e instanceof ResponseStatusException r ? r.getReason() : e.getMessage());
            return "redirect:/reports";
        }
    }

    /** While generating: a page that polls {@link #jobStatus}; once done, the report itself. */
    @GetMapping("/reports/jobs/{id}")
    String job(@PathVariable UUID id, Model model, RedirectAttributes flash) {
        ReportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("report job", id));
        if (job.state() == ReportJobs.State.DONE && job.error() == null) return "redirect:/reports/" + job.reportId() + "/view";
        model.addAttribute("job", job);
        return "reports/generating";
    }

    /** What the generating page polls: {@code done} with {@code next} when there is something to show. */
    @GetMapping("/reports/jobs/{id}/status")
    @ResponseBody
    Map<String, Object> jobStatus(@PathVariable UUID id) {
        ReportJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("report job", id));
        long seconds = Duration.between(job.startedAt(), Instant.now()).toSeconds();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stage", job.state().name().toLowerCase(java.util.Locale.ROOT));
        out.put("done", job.state() != ReportJobs.State.GENERATING);
        switch (job.state()) {
            case GENERATING -> out.put("label", "Generating the " + job.framework() + " report… " + seconds + " s");
            case DONE -> {
                out.put("label", job.error() == null ? "Report ready" + (job.sent() ? ", queued for sending" : "") + "." : "Report ready. " + job.error());
                out.put("next", job.error() == null ? "/reports/" + job.reportId() + "/view" : null);
                out.put("report", "/reports/" + job.reportId() + "/view");
            }
            case FAILED -> out.put("label", "The report was not generated: " + job.error());
        }
        return out;
    }

    @PostMapping("/reports/schedules")
    String schedule(@RequestParam String name, @RequestParam String framework, @RequestParam(required = false) String cloud,
                    @RequestParam(defaultValue = "30") int periodDays, @RequestParam(defaultValue = "7") int everyDays,
                    @RequestParam(required = false) UUID targetId, RedirectAttributes flash) {
        try {
            schedules.create(new NewSchedule(name, framework, new ReportScope(null, cloud), periodDays, everyDays, targetId, null));
            flash.addFlashAttribute("message", "Schedule '" + name + "' created.");
        } catch (IllegalArgumentException | ResponseStatusException e) {
            flash.addFlashAttribute("error", e instanceof ResponseStatusException r ? r.getReason() : e.getMessage());
        }
        return "redirect:/reports";
    }

    @PostMapping("/reports/schedules/{id}/delete")
    String unschedule(@PathVariable UUID id, RedirectAttributes flash) {
        schedules.delete(id);
        flash.addFlashAttribute("message", "Schedule deleted.");
        return "redirect:/reports";
    }

    /** The archived print-ready document itself (self-contained: inline CSS, chart as data URI). */
    @GetMapping("/reports/{id}/view")
    ResponseEntity<byte[]> view(@PathVariable UUID id) {
        return ResponseEntity.ok().header("Content-Type", "text/html;charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .body(reports.html(id).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return ResponseEntity.ok().header("Content-Type", "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"report-" + id + ".pdf\"").body(reports.pdf(id));
    }

    @GetMapping("/reports/{id}/json")
    ResponseEntity<byte[]> json(@PathVariable UUID id) {
        return ResponseEntity.ok().header("Content-Type", "application/json")
                .header("Content-Disposition", "attachment; filename=\"report-" + id + ".json\"")
                .body(reports.content(id).getBytes(StandardCharsets.UTF_8));
    }
}
