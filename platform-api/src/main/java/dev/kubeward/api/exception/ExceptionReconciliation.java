package dev.kubeward.api.exception;

import dev.kubeward.db.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The short periodic pass that expires exceptions on time and repairs anything an event missed. Only tenants
 * with exceptions, or with excepted findings, are visited.
 */
@Component
public class ExceptionReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ExceptionReconciliation.class);

    private final JdbcTemplate jdbc;
    private final ExceptionApplier applier;

    public ExceptionReconciliation(JdbcTemplate jdbc, ExceptionApplier applier) {
        this.jdbc = jdbc;
        this.applier = applier;
    }

    @Scheduled(initialDelayString = "${kubeward.exceptions.reconcile-interval:60s}", fixedDelayString = "${kubeward.exceptions.reconcile-interval:60s}")
    public void run() {
        List<UUID> tenants = TenantContext.callAsSystem("list tenants that have exceptions to reconcile", () -> jdbc.queryForList(
                "SELECT DISTINCT tenant_id FROM risk_exceptions WHERE status IN ('active', 'expired', 'revoked')", UUID.class));
        for (UUID tenant : tenants) {
            try {
                applier.reconcile(tenant);
            } catch (RuntimeException e) {
                log.warn("could not reconcile exceptions of tenant {}", tenant, e);
            }
        }
    }
}
