package dev.kubeward.api.alert;

import dev.kubeward.api.alert.internal.AlertFacts;
import dev.kubeward.db.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Silence produces no event, so it is looked for: every minute, for tenants with an agent-silent rule. */
@Component
public class AgentSilenceWatch {

    private static final Logger log = LoggerFactory.getLogger(AgentSilenceWatch.class);

    private final AlertFacts facts;
    private final AlertEvaluator evaluator;

    public AgentSilenceWatch(AlertFacts facts, AlertEvaluator evaluator) {
        this.facts = facts;
        this.evaluator = evaluator;
    }

    @Scheduled(fixedDelayString = "${kubeward.alerts.silence-check-interval:60s}", initialDelayString = "${kubeward.alerts.silence-check-interval:60s}")
    public void check() {
        List<UUID> tenants = TenantContext.callAsSystem("tenants with an agent-silent alert rule", () -> facts.tenantsWithRule("agent-silent"));
        Instant now = Instant.now();
        for (UUID t : tenants) {
            try {
                TenantContext.runAs(t, () -> evaluator.checkSilence(now));
            } catch (RuntimeException e) {
                log.warn("could not check silent agents of tenant {}", t, e);
            }
        }
    }
}
