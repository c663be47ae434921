package dev.kubeward.api.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubeward.api.alert.internal.AlertStore;
import dev.kubeward.api.query.NotFoundException;
import dev.kubeward.contract.ChunkCodec;
import dev.kubeward.db.tenancy.TenantContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues messages for delivery. Every message has the same JSON envelope
 * ({@code {type, title, text, occurredAt, tenant, data}}); the {@link DeliveryDispatcher} sends it, retrying with
 * exponential backoff. A dedupe key makes a repeated event (Kafka redelivery, a second scheduler pass) harmless.
 */
@Component
public class AlertOutbox {

    private final AlertStore store;

    public AlertOutbox(AlertStore store) {
        this.store = store;
    }

    /**
     * Queues a message to one target in the tenant in scope; empty when the dedupe key was seen for that target. A target
     * id the tenant does not have is not found (it may be another tenant's: the foreign key alone would answer 500).
     */
    public Optional<Long> enqueue(UUID targetId, UUID ruleId, String type, String title, String text, Map<String, ?> data, String dedupeKey) {
        UUID tenant = TenantContext.require();
        if (store.target(tenant, targetId).isEmpty()) throw new NotFoundException("alert target", targetId);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("title", title);
        envelope.put("text", text);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("tenant", tenant.toString());
        envelope.put("data", data);
        try {
            return store.enqueue(tenant, targetId, ruleId, type, title, ChunkCodec.mapper().writeValueAsString(envelope), dedupeKey);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert data must be JSON-serialisable", e);
        }
    }
}
