package dev.kubeward.api.exception;

import dev.kubeward.api.exception.internal.ExceptedFindings;
import dev.kubeward.api.exception.internal.ExceptedFindings.Candidate;
import dev.kubeward.api.exception.internal.ExceptedFindings.ControlCounts;
import dev.kubeward.api.exception.internal.RiskExceptions;
import dev.kubeward.db.tenancy.TenantContext;
import dev.kubeward.engine.catalog.ControlCatalog;
import dev.kubeward.engine.catalog.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Makes findings reflect the exceptions in force: sets {@code findings.excepted_by} for findings an active,
 * unexpired exception covers and clears it everywhere else; expires exceptions whose date passed (their
 * findings reopen and {@link ExceptionExpired} is published once).
 *
 * <p>Scores are <b>written, not computed at read time</b>: {@code scan_control_summaries.excepted} (a subset of
 * {@code failed}) and {@code scan_framework_scores} (score, controls passed/failed; a control whose failures
 * are all excepted counts as passed) are updated for each cluster's <em>latest</em> scan. Every reader (overview,
 * trends, reports) then shows excepted findings as passed without knowing about exceptions, and an older scan
 * keeps the exceptions as they stood while it was the latest, so trend history is not rewritten. Runs after
 * every scan event, after every exception change, and on a short schedule (expiry, missed events).
 */
@Component
public class ExceptionApplier {

    private static final Logger log = LoggerFactory.getLogger(ExceptionApplier.class);

    private final RiskExceptions exceptions;
    private final ExceptedFindings findings;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ControlCatalog catalog = ControlCatalog.standard();
    private final Clock clock;

    public ExceptionApplier(RiskExceptions exceptions, ExceptedFindings findings, PlatformTransactionManager txManager,
                            ApplicationEventPublisher events, java.util.Optional<Clock> clock) {
        this.exceptions = exceptions;
        this.findings = findings;
        this.tx = new TransactionTemplate(txManager);
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What one reconciliation did. */
    public record Outcome(int excepted, int cleared, List<ExceptionExpired> expired) {
    }

    /** Reconciles the tenant in scope ({@link TenantContext}). */
    public Outcome reconcile() {
        UUID tenant = TenantContext.require();
        Outcome outcome = tx.execute(s -> reconcileIn(tenant));
        Objects.requireNonNull(outcome).expired().forEach(events::publishEvent);
        if (outcome.excepted() + outcome.cleared() > 0 || !outcome.expired().isEmpty()) {
            log.info("exceptions of tenant {}: {} findings newly excepted, {} reopened, {} exceptions expired", tenant,
                    outcome.excepted(), outcome.cleared(), outcome.expired().size());
        }
        return outcome;
    }

    public Outcome reconcile(UUID tenant) {
        return TenantContext.callAs(tenant, this::reconcile);
    }

    private Outcome reconcileIn(UUID tenant) {
        findings.lockTenant(tenant);
        Instant now = clock.instant();
        List<RiskException> expired = exceptions.expireDue(tenant, now);
        List<RiskException> active = exceptions.list(tenant, RiskException.ACTIVE).stream()
                .filter(e -> e.inForce(now)).sorted(Comparator.comparing(RiskException::requestedAt)).toList();
        boolean allControls = active.stream().anyMatch(e -> e.controls().isEmpty());
        Set<String> controls = active.stream().flatMap(e -> e.controls().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        boolean withLabels = active.stream().anyMatch(e -> e.scope().needsLabels());
        List<Candidate> candidates = findings.candidates(tenant, List.copyOf(controls), allControls, withLabels);

        List<Map.Entry<Long, UUID>> changes = new ArrayList<>();
        Map<UUID, Integer> openMatches = new HashMap<>();
        Map<UUID, Integer> reopenedBy = new HashMap<>();
        int excepted = 0, cleared = 0;
        for (Candidate c : candidates) {
            UUID want = active.stream().filter(e -> e.scope().matches(c.target())).map(RiskException::id).findFirst().orElse(null);
            if (want != null && c.open()) openMatches.merge(want, 1, Integer::sum);
            if (Objects.equals(want, c.exceptedBy())) continue;
            changes.add(new AbstractMap.SimpleEntry<>(c.id(), want));
            if (want != null) excepted++;
            else {
                cleared++;
                if (c.open()) reopenedBy.merge(c.exceptedBy(), 1, Integer::sum);
            }
        }
        findings.setExceptedBy(tenant, changes);
        for (RiskException e : active) exceptions.recordMatches(tenant, e.id(), openMatches.getOrDefault(e.id(), 0), now);
        rescore(tenant);
        List<ExceptionExpired> expiredEvents = expired.stream().map(e -> new ExceptionExpired(tenant, e.id(), e.name(), e.owner(),
                e.expiresAt(), reopenedBy.getOrDefault(e.id(), 0))).toList();
        return new Outcome(excepted, cleared, expiredEvents);
    }

    private void rescore(UUID tenant) {
        Map<UUID, List<ControlCounts>> byScan = findings.refreshLatestSummaries(tenant).stream()
                .collect(Collectors.groupingBy(ControlCounts::scanId));
        for (Map.Entry<UUID, List<ControlCounts>> scan : byScan.entrySet()) {
            Map<String, ControlCounts> byControl = scan.getValue().stream().collect(Collectors.toMap(ControlCounts::controlId, c -> c, (a, b) -> a));
            for (Framework fw : catalog.frameworks()) {
                FrameworkScore s = FrameworkScore.of(fw.controlIds().stream().map(byControl::get).filter(Objects::nonNull).toList());
                findings.updateFrameworkScore(tenant, scan.getKey(), fw.name(), s.score(), s.passed(), s.failed());
            }
        }
    }
}
