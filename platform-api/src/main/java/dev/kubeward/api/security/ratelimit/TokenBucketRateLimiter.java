package dev.kubeward.api.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (a client address, an API token id), in memory: each key may burst up to
 * {@code capacity} requests and then gets {@code refillPerMinute} more per minute. Enough for one
 * instance; behind several replicas each enforces its own share. The map is bounded: when it grows past
 * {@code maxKeys}, buckets that are full again (idle keys) are dropped.
 */
public final class TokenBucketRateLimiter {

    private final long capacity;
    private final double perNano;
    private final int maxKeys;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBucketRateLimiter(long capacity, long refillPerMinute) {
        this(capacity, refillPerMinute, 100_000, System::nanoTime);
    }

    TokenBucketRateLimiter(long capacity, long refillPerMinute, int maxKeys, LongSupplier clock) {
        if (capacity < 1 || refillPerMinute < 1) throw new IllegalArgumentException("capacity and refill must be positive");
        this.capacity = capacity;
        this.perNano = refillPerMinute / (double) Duration.ofMinutes(1).toNanos();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Takes one token for {@code key}: {@link Duration#ZERO} when allowed, otherwise how long until the next token. */
    public Duration tryAcquire(String key) {
        if (buckets.size() > maxKeys) evictIdle();
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, clock.getAsLong())).take();
    }

    private void evictIdle() {
        long now = clock.getAsLong();
        buckets.entrySet().removeIf(e -> e.getValue().fullAt(now));
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration take() {
            refill(clock.getAsLong());
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
        }
    }
}
