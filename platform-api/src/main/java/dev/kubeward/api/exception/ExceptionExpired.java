package dev.kubeward.api.exception;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (Spring application event) when an exception passed its expiry and its findings were reopened;
 * alerting turns it into a message.
 */
public record ExceptionExpired(UUID tenantId, UUID exceptionId, String name, String owner, Instant expiresAt, int reopenedFindings) {
}
