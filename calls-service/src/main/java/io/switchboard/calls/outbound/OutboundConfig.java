package io.switchboard.calls.outbound;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How outbound dials talk to the providers (docs/outbound.md "Retries, timeouts and the circuit breaker"). */
@ConfigMapping(prefix = "switchboard.calls.outbound")
public interface OutboundConfig {

    /** TCP connect timeout: a connection never made means no request was sent, so it may be retried. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** One provider request, connect to answer; past it the outcome is unknown and the request is never repeated. */
    @WithDefault("8s")
    Duration requestTimeout();

    Retry retry();

    Breaker breaker();

    interface Retry {
        /** Retries after the first request, on 429, 500, 502, 503 and refused connections only. */
        @WithDefault("3")
        int maxRetries();

        /** The first backoff; doubles per retry, with up to 25 % jitter. */
        @WithDefault("250ms")
        Duration initialDelay();

        @WithDefault("5s")
        Duration maxDelay();

        /** A Retry-After longer than this is not waited for: the dial fails provider_unavailable instead. */
        @WithDefault("5s")
        Duration maxRetryAfter();

        /**
         * All attempts of one dial together: no retry starts past it. The dial blocks its Kafka record until it is
         * answered, so this stays well under the connector's 60 s unprocessed-record age.
         */
        @WithDefault("30s")
        Duration maxDuration();
    }

    interface Breaker {
        /** Requests (attempts, retries included) in the rolling window before the breaker may open. */
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker refuses a connection's dials before letting a trial request through. */
        @WithDefault("30s")
        Duration delay();
    }
}
