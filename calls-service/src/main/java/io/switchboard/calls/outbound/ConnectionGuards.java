package io.switchboard.calls.outbound;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * SmallRye Fault Tolerance around every provider request, one guard per provider connection. An annotated
 * {@code @CircuitBreaker} has one breaker per method, so one tenant's failing account would stop every tenant's
 * dials; here each connection has its own breaker (and retry budget), built on first use with the programmatic
 * {@link TypedGuard} API. Order (SmallRye's): retry outside the breaker outside the timeout, so every attempt
 * counts towards its connection's breaker and an open breaker ends the retries at once.
 */
@ApplicationScoped
public class ConnectionGuards {

    private static final Logger LOG = Logger.getLogger(ConnectionGuards.class);

    private final OutboundConfig config;
    private final Map<UUID, TypedGuard<String>> guards = new ConcurrentHashMap<>();

    public ConnectionGuards(OutboundConfig config) {
        this.config = config;
    }

    /**
     * Runs one provider request under the connection's guard and returns the provider's call id. Throws a
     * {@link DialFailure}, {@link CircuitBreakerOpenException}, or FT's {@code TimeoutException}.
     */
    public String call(UUID connectionId, Supplier<String> request) {
        return guards.computeIfAbsent(connectionId, this::build).get(request);
    }

    private TypedGuard<String> build(UUID connectionId) {
        OutboundConfig.Retry retry = config.retry();
        OutboundConfig.Breaker breaker = config.breaker();
        long maxRetryAfter = retry.maxRetryAfter().toMillis();
        return TypedGuard.create(String.class)
                .withDescription("outbound dial, connection " + connectionId)
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    // the whole retry sequence blocks a consumer thread: bounded even with long Retry-After answers
                    .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                    // only what provably created no call is repeated, and never past a Retry-After we will not wait
                    .whenException(e -> e instanceof DialFailure.Retryable r
                            && (r.retryAfter() == null || r.retryAfter().toMillis() <= maxRetryAfter))
                    .withCustomBackoff()
                        .strategy(() -> new RetryAfter(retry.initialDelay(), retry.maxDelay()))
                        .done()
                    .done()
                .withCircuitBreaker()
                    .name("outbound-" + connectionId)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    // a refused request (bad number, bad agent id) says nothing about the provider's health
                    .skipOn(List.of(DialFailure.Rejected.class))
                    .onStateChange(state -> log(connectionId, state))
                    .done()
                .withTimeout()
                    .duration(config.requestTimeout().toMillis() + 1_000, ChronoUnit.MILLIS)
                    .done()
                .build();
    }

    private static void log(UUID connectionId, CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            LOG.warnf("outbound circuit breaker open connection=%s: its dials fail provider_unavailable for a while", connectionId);
        } else {
            LOG.infof("outbound circuit breaker %s connection=%s", state.name().toLowerCase(java.util.Locale.ROOT), connectionId);
        }
    }
}
