package io.switchboard.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Limits per client IP that hold before anyone is authenticated: failed authentications (so a flood of guessed
 * tokens, keys or passwords is cut off) and sign-ups (per IP and for everybody together). Token buckets in
 * memory, per gateway replica, like {@link RateLimiter}; non-blocking, safe on the event loop.
 */
@ApplicationScoped
public class ClientLimits {

    /** Bounds the per-IP maps: beyond this many addresses they start afresh (worst case: limits reset). */
    private static final int MAX_TRACKED = 100_000;

    private final RateLimitConfig config;
    private final ConcurrentHashMap<String, Bucket> failures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bucket> signups = new ConcurrentHashMap<>();
    private volatile Bucket globalSignups;

    @Inject
    public ClientLimits(RateLimitConfig config) {
        this.config = config;
    }

    /** Why a request is refused, and when to come back. */
    public record Refusal(String detail, long retryAfterSeconds) {
    }

    /** Refused while the IP has used up its failed authentications; does not count this request. */
    public Refusal checkFailures(String ip) {
        if (!config.enabled()) {
            return null;
        }
        Bucket bucket = failures.get(ip);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return null;
        }
        return new Refusal("too many failed authentications from this address", seconds(
                bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Counts one failed authentication (a 401) against the IP. */
    public void recordFailure(String ip) {
        if (!config.enabled()) {
            return;
        }
        bucket(failures, ip, config.client().failedAuthPerIp(), config.client().failedAuthWindow()).tryConsume(1);
    }

    /** Takes one sign-up from the IP's and from the global budget, or says why not. */
    public Refusal takeSignup(String ip) {
        if (!config.enabled()) {
            return null;
        }
        RateLimitConfig.Client client = config.client();
        Bucket perIp = bucket(signups, ip, client.signupPerIp(), client.signupWindow());
        ConsumptionProbe mine = perIp.tryConsumeAndReturnRemaining(1);
        if (!mine.isConsumed()) {
            return new Refusal("too many sign-ups from this address", seconds(mine.getNanosToWaitForRefill()));
        }
        ConsumptionProbe all = global().tryConsumeAndReturnRemaining(1);
        if (!all.isConsumed()) {
            perIp.addTokens(1); // not this client's fault
            return new Refusal("too many sign-ups right now", seconds(all.getNanosToWaitForRefill()));
        }
        return null;
    }

    private Bucket global() {
        Bucket bucket = globalSignups;
        if (bucket == null) {
            synchronized (this) {
                if (globalSignups == null) {
                    globalSignups = newBucket(config.client().signupGlobal(), config.client().signupWindow());
                }
                bucket = globalSignups;
            }
        }
        return bucket;
    }

    private static Bucket bucket(ConcurrentHashMap<String, Bucket> buckets, String ip, int capacity, Duration window) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(ip, k -> newBucket(capacity, window));
    }

    /**
     * {@code capacity} per fixed {@code window}, refilled all at once when the window ends: "N failures in 15
     * minutes" means exactly that, where a gradual refill would hand a slow guesser one more try every few seconds.
     */
    private static Bucket newBucket(int capacity, Duration window) {
        return Bucket.builder().addLimit(l -> l.capacity(capacity).refillIntervally(capacity, window)).build();
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
