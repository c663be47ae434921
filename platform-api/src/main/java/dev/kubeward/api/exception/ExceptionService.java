package dev.kubeward.api.exception;

import dev.kubeward.api.audit.AuditLog;
import dev.kubeward.api.exception.internal.RiskExceptions;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.api.security.KubewardPrincipal;
import dev.kubeward.api.security.Role;
import dev.kubeward.api.tenant.CurrentTenant;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The exception workflow: analysts request, admins approve or reject (or the tenant approves automatically),
 * admins and analysts revoke; every step is written to the audit log and applied to findings at once.
 */
@Service
public class ExceptionService {

    private final RiskExceptions rows;
    private final ExceptionApplier applier;
    private final ExceptionSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    public ExceptionService(RiskExceptions rows, ExceptionApplier applier, ExceptionSettings settings, AuditLog audit, Optional<Clock> clock) {
        this.rows = rows;
        this.applier = applier;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public List<RiskException> list(String status) {
        return rows.list(TenantContext.require(), status);
    }

    public RiskException get(UUID id) {
        return rows.find(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("exception", id));
    }

    /** Active exceptions expiring within {@code days}: the review list. */
    public List<RiskException> reviewDue(int days) {
        return rows.expiringBefore(TenantContext.require(), clock.instant().plus(Duration.ofDays(Math.max(0, days))));
    }

    public RiskException request(ExceptionRequest request) {
        return request(request, "manual");
    }

    RiskException request(ExceptionRequest request, String source) {
        KubewardPrincipal who = require(Role.ANALYST);
        Instant now = clock.instant();
        request.validate(now);
        UUID tenant = TenantContext.require();
        if (rows.nameTaken(tenant, request.name().trim())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "an exception named '" + request.name().trim() + "' exists");
        }
        boolean auto = settings.autoApprove();
        RiskException e = new RiskException(UUID.randomUUID(), request.name().trim(), auto ? RiskException.ACTIVE : RiskException.PENDING,
                request.scope(), request.reason().trim(), blankToNull(request.compensatingControl()), request.owner().trim(),
                blankToNull(request.ticketUrl()), source, request.expiresAt(), who.name(), now,
                auto ? "auto-approved (tenant setting)" : null, auto ? now : null, null, null, null, 0, null);
        rows.insert(tenant, e);
        audit.record("exception.requested", "exception:" + e.id(), details(e, Map.of("autoApproved", auto)));
        if (auto) applier.reconcile();
        return get(e.id());
    }

    public RiskException approve(UUID id) {
        return decide(id, RiskException.ACTIVE, "exception.approved");
    }

    public RiskException reject(UUID id) {
        return decide(id, RiskException.REJECTED, "exception.rejected");
    }

    private RiskException decide(UUID id, String status, String action) {
        KubewardPrincipal who = require(Role.ADMIN);
        RiskException e = get(id);
        if (!rows.decide(TenantContext.require(), id, status, who.name(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "exception '" + e.name() + "' is " + e.status() + ", not pending");
        }
        audit.record(action, "exception:" + id, details(e, Map.of()));
        applier.reconcile();
        return get(id);
    }

    public RiskException revoke(UUID id, String why) {
        KubewardPrincipal who = require(Role.ANALYST);
        RiskException e = get(id);
        if (!rows.revoke(TenantContext.require(), id, who.name(), clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "exception '" + e.name() + "' is " + e.status() + " and cannot be revoked");
        }
        audit.record("exception.revoked", "exception:" + id, details(e, why == null ? Map.of() : Map.of("why", why)));
        applier.reconcile();
        return get(id);
    }

    /** Imports a Kubescape exceptions file; every entry becomes a request (pending unless auto-approved). */
    public List<RiskException> importKubescape(String json, String owner, Instant expiresAt, String reasonPrefix) {
        require(Role.ANALYST);
        List<ExceptionRequest> requests = KubescapeExceptions.parse(json, owner, expiresAt, reasonPrefix);
        List<RiskException> created = new ArrayList<>();
        UUID tenant = TenantContext.require();
        for (ExceptionRequest r : requests) {
            String name = r.name();
            for (int i = 2; rows.nameTaken(tenant, name); i++) name = r.name() + " (" + i + ")";
            created.add(request(new ExceptionRequest(name, r.controls(), r.clusters(), r.namespaces(), r.kinds(), r.names(), r.labels(),
                    r.reason(), r.compensatingControl(), r.owner(), r.ticketUrl(), r.expiresAt()), "kubescape-import"));
        }
        audit.record("exception.imported", "exceptions", Map.of("format", "kubescape postureExceptionPolicy", "count", created.size()));
        return created;
    }

    public boolean autoApprove() {
        return settings.autoApprove();
    }

    public void setAutoApprove(boolean on) {
        require(Role.ADMIN);
        settings.setAutoApprove(on);
        audit.record("exception.settings", "tenant", Map.of("autoApprove", on));
    }

    static KubewardPrincipal require(Role role) {
        KubewardPrincipal who = CurrentTenant.require();
        if (!who.can(role)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the " + role.dbValue() + " role");
        return who;
    }

    private static Map<String, Object> details(RiskException e, Map<String, Object> extra) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", e.name());
        d.put("controls", e.scope().controls());
        d.put("clusters", e.scope().clusters());
        d.put("namespaces", e.scope().namespaces());
        d.put("kinds", e.scope().kinds());
        d.put("names", e.scope().names());
        d.put("labels", e.scope().labels());
        d.put("expiresAt", e.expiresAt().toString());
        d.put("owner", e.owner());
        d.putAll(extra);
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
