package dev.kubeward.api.security.ratelimit;

import dev.kubeward.api.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Answers 429 with {@code Retry-After} (seconds) when a request matching {@code matcher} finds the bucket
 * of its key empty. The key function may return null (the rule does not apply to that request).
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final String name;
    private final RequestMatcher matcher;
    private final Function<HttpServletRequest, String> key;
    private final TokenBucketRateLimiter limiter;

    public RateLimitFilter(String name, RequestMatcher matcher, Function<HttpServletRequest, String> key, TokenBucketRateLimiter limiter) {
        this.name = name;
        this.matcher = matcher;
        this.key = key;
        this.limiter = limiter;
    }

    /** Keys a request by its client address. */
    public static String clientIp(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String k = matcher.matches(request) ? key.apply(request) : null;
        if (k != null) {
            Duration wait = limiter.tryAcquire(name + ":" + k);
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                ProblemResponses.write(request, response, 429, "Too Many Requests",
                        "Rate limit '" + name + "' reached; retry in " + seconds + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
