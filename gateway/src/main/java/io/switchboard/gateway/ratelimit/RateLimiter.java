package io.switchboard.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.switchboard.gateway.security.Caller;

/**
 * Token buckets (Bucket4j, in memory) per tenant and per API key: capacity = the per-minute limit, refilled
 * evenly over the minute. Buckets live in this gateway replica: with N replicas behind a round-robin balancer a
 * tenant gets up to N times its limit. Non-blocking, safe on the event loop.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    RateLimitConfig config;

    private final ConcurrentHashMap<String, Limited> buckets = new ConcurrentHashMap<>();

    private record Limited(int limit, Bucket bucket) {
    }

    /**
     * The outcome of one request against its buckets; the headers describe the tighter one.
     *
     * @param resetSeconds      until the bucket is full again ({@code RateLimit-Reset})
     * @param retryAfterSeconds until one more request is allowed (only meaningful when refused)
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
            String scope) {

        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("RateLimit-Limit", Long.toString(limit));
            headers.put("RateLimit-Remaining", Long.toString(remaining));
            headers.put("RateLimit-Reset", Long.toString(resetSeconds));
            return headers;
        }
    }

    /** Takes one token from the tenant's bucket and, for API keys, from the key's; null when limits are off. */
    public Decision consume(Caller caller) {
        if (!config.enabled()) {
            return null;
        }
        int tenantLimit = caller.tenantLimit() != null ? caller.tenantLimit() : config.tenantPerMinute();
        Decision tenant = take("tenant:" + caller.tenantId(), tenantLimit, "tenant");
        if (!tenant.allowed() || !caller.isApiKey()) {
            return tenant;
        }
        int keyLimit = caller.apiKeyLimit() != null ? caller.apiKeyLimit() : config.apiKeyPerMinute();
        Decision key = take("key:" + caller.apiKeyId(), keyLimit, "API key");
        return !key.allowed() || key.remaining() < tenant.remaining() ? key : tenant;
    }

    private Decision take(String id, int limit, String scope) {
        // a changed limit (admin update) starts a fresh bucket
        Limited limited = buckets.compute(id, (k, old) -> old != null && old.limit() == limit ? old
                : new Limited(limit, Bucket.builder()
                        .addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofMinutes(1)))
                        .build()));
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()),
                Math.max(1, seconds(probe.getNanosToWaitForRefill())), scope);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
