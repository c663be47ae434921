package dev.kubeward.api.report.web;

import dev.kubeward.api.report.ComplianceReport;
import dev.kubeward.api.report.ReportCsv;
import dev.kubeward.api.report.ReportRequest;
import dev.kubeward.api.report.ReportSchedulesService;
import dev.kubeward.api.report.ReportSchedulesService.NewSchedule;
import dev.kubeward.api.report.ReportService;
import dev.kubeward.api.report.internal.ReportSchedules.Schedule;
import dev.kubeward.api.report.internal.Reports.Meta;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compliance reports: {@code POST /api/v1/reports} generates and archives one; the archive lists who, when,
 * scope and content hash; each report downloads as PDF, HTML, JSON (the hashed content) or CSV. Viewers may
 * read and download (managers and auditors need files, UI.md page 14); analysts generate.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Immutable, auditor-ready compliance reports per framework")
public class ReportsApi {

    private final ReportService reports;
    private final ReportSchedulesService schedules;

    public ReportsApi(ReportService reports, ReportSchedulesService schedules) {
        this.reports = reports;
        this.schedules = schedules;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate and archive a report: {framework, scope: {clusters[], cloud}, from, to}")
    public Meta generate(@RequestBody ReportRequest request) {
        Roles.analyst();
        return reports.generate(request);
    }

    @GetMapping
    public List<Meta> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) throw new IllegalArgumentException("page >= 0, size 1-500");
        return reports.list(page, size);
    }

    @GetMapping("/{id}")
    public Meta meta(@PathVariable UUID id) {
        return reports.meta(id);
    }

    @GetMapping(path = "/{id}/json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The report content; its SHA-256 is the report's content hash")
    public ResponseEntity<byte[]> json(@PathVariable UUID id) {
        return file(reports.content(id).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, "report-" + id + ".json");
    }

    @GetMapping(path = "/{id}/csv", produces = "text/csv")
    public ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        ComplianceReport r = reports.report(id);
        return file(ReportCsv.of(r).getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", StandardCharsets.UTF_8), "report-" + id + ".csv");
    }

    @GetMapping(path = "/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<byte[]> html(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .body(reports.html(id).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return file(reports.pdf(id), MediaType.APPLICATION_PDF, "report-" + id + ".pdf");
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "Send the report's summary and links to an alert target (webhook, Slack, e-mail)")
    public Map<String, Object> send(@PathVariable UUID id, @RequestBody Map<String, UUID> body) {
        Roles.analyst();
        UUID target = body.get("targetId");
        if (target == null) throw new IllegalArgumentException("targetId is required");
        return Map.of("deliveryId", reports.send(id, target));
    }

    @GetMapping("/schedules")
    public List<Schedule> schedules() {
        return schedules.list();
    }

    @PostMapping("/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    public Schedule schedule(@RequestBody NewSchedule s) {
        return schedules.create(s);
    }

    @DeleteMapping("/schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unschedule(@PathVariable UUID id) {
        schedules.delete(id);
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
