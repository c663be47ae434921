package dev.kubeward.api.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.api.exception.ExceptionApplier;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.db.tenancy.TenantContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Consumes {@code Topic.FINDINGS_EVENTS} in its own consumer group. For a scan: first apply exceptions to the
 * cluster's findings and scores (so excepted findings neither alert nor count as failed), then evaluate the
 * rules. A failure is retried with exponential backoff by the container's error handler
 * ({@link AlertKafkaConfiguration}); messages are queued with dedupe keys, so a retried event sends nothing twice.
 * Events older than {@code kubeward.alerts.max-event-age} (a new consumer group reading old history) are skipped.
 */
@Component
public class FindingsEventsListener {

    private static final Logger log = LoggerFactory.getLogger(FindingsEventsListener.class);

    private final ExceptionApplier exceptions;
    private final AlertEvaluator evaluator;
    private final Duration maxAge;

    public FindingsEventsListener(ExceptionApplier exceptions, AlertEvaluator evaluator,
                                  @Value("${kubeward.alerts.max-event-age:1h}") Duration maxAge) {
        this.exceptions = exceptions;
        this.evaluator = evaluator;
        this.maxAge = maxAge;
    }

    @KafkaListener(id = "kubewardAlerts", topics = "kubeward.findings.events", containerFactory = AlertKafkaConfiguration.FACTORY,
            autoStartup = "${kubeward.alerts.listener.enabled:true}")
    public void onEvent(ConsumerRecord<String, byte[]> record) throws IOException {
        handle(ChunkCodec.mapper().readTree(record.value()));
    }

    /** The consumer logic, callable without a broker. */
    public void handle(JsonNode event) {
        String type = event.path("type").asText();
        UUID tenant = uuid(event.path("tenantId").asText(null));
        UUID cluster = uuid(event.path("clusterId").asText(null));
        if (tenant == null || cluster == null) {
            log.warn("findings event without tenant or cluster ignored: {}", type);
            return;
        }
        Instant at = instant(event.path(type.equals("scan-completed") ? "scannedAt" : "at").asText(null));
        switch (type) {
            case "scan-completed" -> {
                UUID scan = uuid(event.path("scanId").asText(null));
                exceptions.reconcile(tenant);
                if (tooOld(at)) return;
                TenantContext.runAs(tenant, () -> evaluator.scanCompleted(cluster, scan));
            }
            case "snapshot-rejected" -> {
                if (tooOld(at)) return;
                TenantContext.runAs(tenant, () -> evaluator.snapshotRejected(cluster, event.path("snapshotId").asText(""),
                        event.path("code").asText("rejected"), event.path("reason").asText(""), at));
            }
            default -> log.debug("findings event of type {} ignored", type);
        }
    }

    private boolean tooOld(Instant at) {
        boolean old = at != null && at.isBefore(Instant.now().minus(maxAge));
        if (old) log.debug("event from {} is older than {}: no alert", at, maxAge);
        return old;
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
