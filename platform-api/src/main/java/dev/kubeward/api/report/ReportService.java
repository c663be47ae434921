package dev.kubeward.api.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubeward.api.alert.AlertOutbox;
import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.report.internal.Reports;
import dev.kubeward.api.report.internal.Reports.Meta;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generates compliance reports and keeps them: the content is serialised once, hashed (SHA-256 of the exact
 * JSON bytes served by {@code GET /api/v1/reports/{id}/json}), rendered as HTML and PDF, and stored immutable.
 */
@Service
public class ReportService {

    private final ReportBuilder builder;
    private final ReportRenderer renderer;
    private final Reports reports;
    private final AuditLog audit;
    private final AlertOutbox outbox;

    public ReportService(ReportBuilder builder, ReportRenderer renderer, Reports reports, AuditLog audit, AlertOutbox outbox) {
        this.builder = builder;
        this.renderer = renderer;
        this.reports = reports;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Builds the report without storing it (the preview page). */
    public ComplianceReport preview(ReportRequest request) {
        return builder.build(UUID.randomUUID(), request, actor(), Instant.now());
    }

    /** Generates and archives a report for the current member (on demand). */
    public Meta generate(ReportRequest request) {
        return generateFor(request, actor(), AuditLog.sourceIp());
    }

    /**
     * As {@link #generate(ReportRequest)} for work that left the request thread (the pages generate in the background
     * to show progress): who asked and from where are passed in, as the request is gone.
     */
    public Meta generateFor(ReportRequest request, String actor, String sourceIp) {
        Meta m = generate(request, null, actor);
        audit.record(TenantContext.require(), actor, sourceIp, "report.generated", "report:" + m.id(),
                Map.of("framework", m.framework(), "scope", m.scope(), "hash", m.contentHash()));
        return m;
    }

    /** Generates and archives a report in the tenant in scope, as {@code generatedBy}. */
    public Meta generate(ReportRequest request, UUID scheduleId, String generatedBy) {
        UUID tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        ComplianceReport report = builder.build(id, request, generatedBy, Instant.now());
        String content = json(report);
        String hash = sha256(content);
        String html = renderer.html(report, hash);
        byte[] pdf = renderer.pdf(html);
        ReportScope scope = request.scope() == null ? ReportScope.all() : request.scope();
        Meta meta = new Meta(id, report.cover().framework(), json(scope), report.cover().periodFrom(), report.cover().periodTo(),
                report.summary().score(), generatedBy, report.cover().generatedAt(), scheduleId, hash, pdf.length);
        reports.insert(tenant, meta, meta.scope(), content, html, pdf);
        return reports.find(tenant, id).orElseThrow();
    }

    public List<Meta> list(int page, int size) {
        return reports.list(TenantContext.require(), size, page * size);
    }

    public Meta meta(UUID id) {
        return reports.find(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("report", id));
    }

    public String content(UUID id) {
        return reports.content(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("report", id));
    }

    public ComplianceReport report(UUID id) {
        try {
            return ChunkCodec.mapper().readValue(content(id), ComplianceReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report " + id + " is unreadable", e);
        }
    }

    public String html(UUID id) {
        return reports.html(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("report", id));
    }

    public byte[] pdf(UUID id) {
        return reports.pdf(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("report", id));
    }

    /** Sends the report's summary and links to an alert target (webhook, Slack or e-mail). Returns the delivery id. */
    public long send(UUID id, UUID targetId) {
        Meta m = meta(id);
        ComplianceReport r = report(id);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reportId", id.toString());
        data.put("framework", m.framework());
        data.put("score", m.score());
        data.put("change", r.summary().change());
        data.put("periodFrom", m.periodFrom().toString());
        data.put("periodTo", m.periodTo().toString());
        data.put("contentHash", m.contentHash());
        data.put("openCritical", r.summary().openCritical());
        data.put("openHigh", r.summary().openHigh());
        data.put("pdf", "/api/v1/reports/" + id + "/pdf");
        data.put("json", "/api/v1/reports/" + id + "/json");
        String title = r.cover().frameworkTitle() + " report: " + (m.score() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", m.score()));
        long delivery = outbox.enqueue(targetId, null, "report.generated", title, "Scope: " + r.cover().scope() + ". Content SHA-256: "
                + m.contentHash(), data, "report:" + id + ":" + UUID.randomUUID()).orElseThrow();
        if (CurrentTenant.member().isPresent()) audit.record("report.sent", "report:" + id, Map.of("target", targetId.toString()));
        return delivery;
    }

    /** The name reports and the audit log give the current member ("system" outside a member's request). */
    public static String actor() {
        return CurrentTenant.member().map(p -> p.name()).orElse("system");
    }

    static String json(Object o) {
        try {
            return ChunkCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
