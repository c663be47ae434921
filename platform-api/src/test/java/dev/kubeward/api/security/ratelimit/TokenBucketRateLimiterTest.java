package dev.kubeward.api.security.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketRateLimiterTest {

    @Test
    void allowsABurstThenAsksToWaitUntilTheNextToken() {
        AtomicLong now = new AtomicLong();
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(3, 60, 1000, now::get);
        for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire("ip")).isZero();
        Duration wait = limiter.tryAcquire("ip");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("other-ip")).isZero();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.tryAcquire("ip")).isZero();
    }

    @Test
    void dropsIdleBucketsWhenTheMapGrows() {
        AtomicLong now = new AtomicLong();
        TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(1, 60, 2, now::get);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        limiter.tryAcquire("d");
        assertThat(limiter.tryAcquire("a")).isZero();
    }
}
