package dev.kubeward.api.report;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.report.internal.ReportSchedules;
import dev.kubeward.api.report.internal.ReportSchedules.Schedule;
import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Report schedules of the tenant: analysts and admins create and delete them. */
@Service
public class ReportSchedulesService {

    private final ReportSchedules schedules;
    private final AuditLog audit;

    public ReportSchedulesService(ReportSchedules schedules, AuditLog audit) {
        this.schedules = schedules;
        this.audit = audit;
    }

    public record NewSchedule(String name, String framework, ReportScope scope, Integer periodDays, Integer everyDays, UUID targetId,
                              Instant firstRunAt) {
    }

    public List<Schedule> list() {
        return schedules.list(TenantContext.require());
    }

    public Schedule create(NewSchedule s) {
        KubewardPrincipal who = CurrentTenant.require();
        if (!who.can(Role.ANALYST)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the analyst role");
        if (s.name() == null || s.name().isBlank()) throw new IllegalArgumentException("name is required");
        String fw = ControlCatalog.standard().framework(s.framework() == null ? "" : s.framework())
                .orElseThrow(() -> new IllegalArgumentException("unknown framework '" + s.framework() + "'")).name();
        int period = s.periodDays() == null ? 30 : s.periodDays();
        int every = s.everyDays() == null ? 7 : s.everyDays();
        if (period < 1 || period > 366 || every < 1 || every > 366) throw new IllegalArgumentException("periods are 1-366 days");
        Schedule row = new Schedule(UUID.randomUUID(), TenantContext.require(), s.name().trim(), fw,
                ReportService.json(s.scope() == null ? ReportScope.all() : s.scope()), period, every, s.targetId(),
                s.firstRunAt() == null ? Instant.now().plus(Duration.ofMinutes(1)) : s.firstRunAt(), true, who.name());
        try {
            schedules.insert(row);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a schedule named '" + row.name() + "' exists, or the target is unknown");
        }
        audit.record("report.schedule.created", "report-schedule:" + row.id(), Map.of("name", row.name(), "framework", fw,
                "everyDays", every, "periodDays", period));
        return row;
    }

    public void delete(UUID id) {
        KubewardPrincipal who = CurrentTenant.require();
        if (!who.can(Role.ANALYST)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the analyst role");
        if (!schedules.delete(TenantContext.require(), id)) throw new NotFoundException("report schedule", id);
        audit.record("report.schedule.deleted", "report-schedule:" + id, Map.of());
    }
}
