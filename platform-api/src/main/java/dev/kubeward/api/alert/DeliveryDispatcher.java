package dev.kubeward.api.alert;

import dev.kubeward.api.alert.internal.AlertStore;
import dev.kubeward.api.alert.internal.AlertStore.Due;
import dev.kubeward.api.alert.internal.AlertStore.SendableTarget;
import dev.kubeward.api.alert.internal.MessageSender;
import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.db.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends queued deliveries and records every attempt. A failed attempt (no answer, or not 2xx) is retried after
 * {@code initial-delay × 2^(attempt-1)} (capped at {@code max-delay}) until {@code max-attempts}; then the delivery
 * is marked failed and stays visible in the delivery log with the last error.
 */
@Component
public class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final AlertStore store;
    private final MessageSender sender;
    private final SecretCipher cipher;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxAttempts;

    public DeliveryDispatcher(AlertStore store, MessageSender sender, SecretCipher cipher,
                              @Value("${kubeward.alerts.retry.initial-delay:30s}") Duration initialDelay,
                              @Value("${kubeward.alerts.retry.max-delay:1h}") Duration maxDelay,
                              @Value("${kubeward.alerts.retry.max-attempts:8}") int maxAttempts) {
        this.store = store;
        this.sender = sender;
        this.cipher = cipher;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(fixedDelayString = "${kubeward.alerts.dispatch-interval:5s}", initialDelayString = "${kubeward.alerts.dispatch-interval:5s}")
    public void dispatchDue() {
        List<Due> due = TenantContext.callAsSystem("lease due alert deliveries of all tenants", () -> store.leaseDue(20, LEASE));
        for (Due d : due) {
            try {
                TenantContext.runAs(d.tenantId(), () -> attempt(d.tenantId(), d.id()));
            } catch (RuntimeException e) {
                log.warn("alert delivery {} of tenant {} failed unexpectedly", d.id(), d.tenantId(), e);
            }
        }
    }

    /** Sends one delivery of the tenant in scope now (the "send test" button); returns it afterwards. */
    public Optional<Delivery> sendNow(long id) {
        UUID tenant = TenantContext.require();
        if (store.leaseNow(tenant, id, LEASE)) attempt(tenant, id);
        return store.delivery(tenant, id);
    }

    private void attempt(UUID tenant, long id) {
        Delivery d = store.delivery(tenant, id).orElse(null);
        if (d == null || !"pending".equals(d.status())) return;
        SendableTarget target = store.target(tenant, d.targetId()).orElse(null);
        int attempt = d.attempts() + 1;
        if (target == null || !target.target().enabled()) {
            store.attemptFailed(tenant, id, attempt, null, "target disabled or deleted", null);
            return;
        }
        byte[] secret = target.secretCiphertext() == null ? null : cipher.decrypt(target.secretCiphertext());
        MessageSender.Result r = sender.send(target.target(), d, secret);
        if (r.ok()) {
            store.delivered(tenant, id, attempt, r.statusCode());
            return;
        }
        Instant next = attempt >= maxAttempts ? null : Instant.now().plus(backoff(attempt));
        store.attemptFailed(tenant, id, attempt, r.statusCode(), r.error(), next);
        log.info("alert delivery {} to {} failed (attempt {}): {}{}", id, target.target().name(), attempt, r.error(),
                next == null ? "; giving up" : "; retrying at " + next);
    }

    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = initialDelay.multipliedBy(factor);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
