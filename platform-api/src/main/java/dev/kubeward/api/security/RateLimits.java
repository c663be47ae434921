package dev.kubeward.api.security;

import dev.kubeward.api.security.ratelimit.RateLimitFilter;
import dev.kubeward.api.security.ratelimit.TokenBucketRateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The rate limits (properties {@code kubeward.rate-limit.*}, burst capacity and refill per minute):
 * the built-in sign-in form per client address; bearer-authenticated API calls per client address (which
 * also slows down guessing) and per API token; token creation per client address.
 * The filters are created per chain but share their buckets.
 */
@Component
public class RateLimits {

    private final TokenBucketRateLimiter signIn;
    private final TokenBucketRateLimiter bearerIp;
    private final TokenBucketRateLimiter token;
    private final TokenBucketRateLimiter tokenCreation;

    public RateLimits(@Value("${kubeward.rate-limit.sign-in.capacity:10}") long signInCapacity,
                      @Value("${kubeward.rate-limit.sign-in.per-minute:10}") long signInPerMinute,
                      @Value("${kubeward.rate-limit.api-per-ip.capacity:1200}") long ipCapacity,
                      @Value("${kubeward.rate-limit.api-per-ip.per-minute:1200}") long ipPerMinute,
                      @Value("${kubeward.rate-limit.api-per-token.capacity:600}") long tokenCapacity,
                      @Value("${kubeward.rate-limit.api-per-token.per-minute:600}") long tokenPerMinute,
                      @Value("${kubeward.rate-limit.token-creation.capacity:10}") long creationCapacity,
                      @Value("${kubeward.rate-limit.token-creation.per-minute:5}") long creationPerMinute) {
        this.signIn = new TokenBucketRateLimiter(signInCapacity, signInPerMinute);
        this.bearerIp = new TokenBucketRateLimiter(ipCapacity, ipPerMinute);
        this.token = new TokenBucketRateLimiter(tokenCapacity, tokenPerMinute);
        this.tokenCreation = new TokenBucketRateLimiter(creationCapacity, creationPerMinute);
    }

    /** POST of the built-in provider's sign-in form, per client address. */
    public RateLimitFilter signInForm() {
        return new RateLimitFilter("sign-in", PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"),
                RateLimitFilter::clientIp, signIn);
    }

    /** Any request that presents a bearer credential, per client address; before authentication. */
    public RateLimitFilter bearerPerIp() {
        return new RateLimitFilter("api-per-ip", r -> r.getHeader("Authorization") != null, RateLimitFilter::clientIp, bearerIp);
    }

    /** Requests authenticated by an API token, per token; after authentication. */
    public RateLimitFilter perToken() {
        return new RateLimitFilter("api-per-token", r -> true, r -> {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            return a != null && a.getPrincipal() instanceof KubewardPrincipal p && p.tokenId() != null ? p.tokenId().toString() : null;
        }, token);
    }

    /** Creating API tokens (REST and settings page), per client address. */
    public RateLimitFilter tokenCreation() {
        return new RateLimitFilter("token-creation", new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/settings/tokens")),
                RateLimitFilter::clientIp, tokenCreation);
    }
}
