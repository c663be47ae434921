package dev.kubeward.api.exception;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An accepted risk: the findings it covers ({@link #scope()} × controls), why, who asked and who decided, and
 * until when. Only an {@code active} exception whose expiry lies ahead excepts findings; excepted findings count
 * as passed in compliance scores (SCORING.md).
 */
public record RiskException(UUID id, String name, String status, ExceptionScope scope, String reason, String compensatingControl,
                            String owner, String ticketUrl, String source, Instant expiresAt, String requestedBy, Instant requestedAt,
                            String decidedBy, Instant decidedAt, String revokedBy, Instant revokedAt, Instant expiredAt,
                            int matchCount, Instant lastMatchedAt) {

    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String REJECTED = "rejected";
    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";

    /** Whether it excepts findings at {@code now}. */
    public boolean inForce(Instant now) {
        return ACTIVE.equals(status) && expiresAt.isAfter(now);
    }

    /** The status people read: an active exception within {@code reviewWindow} of its expiry is "expiring". */
    public String displayStatus(Instant now, Duration reviewWindow) {
        if (ACTIVE.equals(status) && !expiresAt.isAfter(now)) return EXPIRED;
        if (ACTIVE.equals(status) && expiresAt.isBefore(now.plus(reviewWindow))) return "expiring";
        return status;
    }

    /** Covers every control or every resource: worth a second look (UI.md, page 13 "over-broad"). */
    public boolean overBroad() {
        return scope.controls().isEmpty() || (scope.clusters().isEmpty() && scope.namespaces().isEmpty() && scope.kinds().isEmpty()
                && scope.names().isEmpty() && scope.labels().isEmpty());
    }

    public List<String> controls() {
        return scope.controls();
    }

    public Map<String, String> labels() {
        return scope.labels();
    }
}
