package dev.kubeward.api.report.web;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.report.ReportRequest;
import dev.kubeward.api.report.ReportService;
import dev.kubeward.api.report.internal.Reports.Meta;
import dev.kubeward.db.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reports generated off the request thread, so the page shows progress instead of a request that hangs for the seconds
 * a large tenant's PDF takes (and that a proxy may cut). Jobs are kept in memory for an hour: a restart loses a job that
 * was running, never a report (a report is archived when it is done).
 */
@Component
class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    private static final Duration KEEP = Duration.ofHours(1);

    enum State { GENERATING, DONE, FAILED }

    record Job(UUID id, UUID tenant, String framework, Instant startedAt, State state, UUID reportId, boolean sent, String error) {
        /** {@code sendError}: the report is archived but could not be queued for sending. */
        Job finished(Meta m, boolean sent, String sendError) {
            return new Job(id, tenant, framework, startedAt, State.DONE, m.id(), sent, sendError);
        }

        Job failed(String why) {
            return new Job(id, tenant, framework, startedAt, State.FAILED, null, false, why);
        }
    }

    private final ReportService reports;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    // one at a time: rendering a PDF is CPU-bound, and a second report would only slow the first
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kubeward-report-jobs");
        t.setDaemon(true);
        return t;
    });

    ReportJobs(ReportService reports) {
        this.reports = reports;
    }

    /** Starts generating for the current member; {@code sendTo} null: archive only. */
    Job start(ReportRequest request, UUID sendTo) {
        UUID tenant = TenantContext.require();
        String actor = ReportService.actor(), ip = AuditLog.sourceIp();
        Instant now = Instant.now();
        jobs.values().removeIf(j -> j.startedAt().isBefore(now.minus(KEEP)));
        Job job = new Job(UUID.randomUUID(), tenant, request.framework(), now, State.GENERATING, null, false, null);
        jobs.put(job.id(), job);
        // the member's security context goes along: sending records "report.sent" as them
        executor.execute(new DelegatingSecurityContextRunnable(() -> TenantContext.runAs(tenant, () -> run(job, request, sendTo, actor, ip))));
        return job;
    }

    /** The job, if it is the current tenant's: another tenant's job id answers as unknown. */
    Optional<Job> find(UUID id) {
        UUID tenant = TenantContext.require();
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.tenant().equals(tenant));
    }

    private void run(Job job, ReportRequest request, UUID sendTo, String actor, String ip) {
        Meta m;
        try {
            m = reports.generateFor(request, actor, ip);
        } catch (RuntimeException e) {
            jobs.put(job.id(), job.failed(reason(job, e)));
            return;
        }
        try {
            if (sendTo != null) reports.send(m.id(), sendTo);
            jobs.put(job.id(), job.finished(m, sendTo != null, null));
        } catch (RuntimeException e) {
            jobs.put(job.id(), job.finished(m, false, "It was not sent: " + reason(job, e)));
        }
    }

    private static String reason(Job job, RuntimeException e) {
        if (e instanceof ResponseStatusException r) return r.getReason();
        if (e instanceof IllegalArgumentException) return e.getMessage();
        log.warn("report job {} failed", job.id(), e);
        return "something went wrong (" + e.getClass().getSimpleName() + "); the server log has the details.";
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
