package dev.kubeward.api.alert;

import java.time.Instant;
import java.util.UUID;

/** One message to one target and what became of it (shown in the delivery log). */
public record Delivery(long id, UUID targetId, String targetName, String targetKind, UUID ruleId, String eventType, String title,
                       String payload, String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                       Instant createdAt, Instant deliveredAt) {
}
