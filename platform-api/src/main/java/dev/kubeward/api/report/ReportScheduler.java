package dev.kubeward.api.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubeward.api.report.internal.ReportSchedules;
import dev.kubeward.api.report.internal.ReportSchedules.Schedule;
import dev.kubeward.api.report.internal.Reports.Meta;
import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.db.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs due report schedules: generates the report over the last {@code period_days}, archives it, sends it if asked. */
@Component
public class ReportScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);

    private final ReportSchedules schedules;
    private final ReportService reports;
    private final AuditLog audit;

    public ReportScheduler(ReportSchedules schedules, ReportService reports, AuditLog audit) {
        this.schedules = schedules;
        this.reports = reports;
        this.audit = audit;
    }

    @Scheduled(fixedDelayString = "${kubeward.reports.schedule-interval:60s}", initialDelayString = "${kubeward.reports.schedule-interval:60s}")
    public void runDue() {
        Instant now = Instant.now();
        List<Schedule> due = TenantContext.callAsSystem("find due report schedules of all tenants", () -> schedules.due(now));
        for (Schedule s : due) {
            try {
                TenantContext.runAs(s.tenantId(), () -> run(s, now));
            } catch (RuntimeException e) {
                log.warn("report schedule {} of tenant {} failed", s.name(), s.tenantId(), e);
            }
        }
    }

    void run(Schedule s, Instant now) {
        Instant next = s.nextRunAt().plus(Duration.ofDays(s.everyDays()));
        while (!next.isAfter(now)) next = next.plus(Duration.ofDays(s.everyDays()));
        if (!schedules.advance(s.tenantId(), s.id(), s.nextRunAt(), next)) return;
        ReportScope scope;
        try {
            scope = ChunkCodec.mapper().readValue(s.scopeJson(), ReportScope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable scope of schedule " + s.id(), e);
        }
        Meta m = reports.generate(new ReportRequest(s.framework(), scope, now.minus(Duration.ofDays(s.periodDays())), now), s.id(),
                "schedule:" + s.name());
        audit.record(s.tenantId(), "schedule:" + s.name(), null, "report.generated", "report:" + m.id(),
                Map.of("framework", m.framework(), "hash", m.contentHash(), "schedule", s.id().toString()));
        if (s.targetId() != null) reports.send(m.id(), s.targetId());
    }
}
