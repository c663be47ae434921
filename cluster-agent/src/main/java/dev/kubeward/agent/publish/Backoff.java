package dev.kubeward.agent.publish;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt n waits a random time up to {@code min(max, initial * 2^(n-1))},
 * so agents of many clusters that lost the platform together do not come back in lockstep.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /** The ceiling for attempt {@code n} (1-based), before jitter. */
    public Duration ceiling(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = initial.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** A delay for attempt {@code n}: uniformly random in [ceiling/2, ceiling]. */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
