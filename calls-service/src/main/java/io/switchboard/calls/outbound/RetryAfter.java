package io.switchboard.calls.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before a provider request is repeated: the provider's Retry-After when it sent one (RFC 9110: delay
 * seconds or an HTTP date), otherwise exponential backoff with jitter. Used as SmallRye Fault Tolerance's custom
 * backoff; one instance per guarded call, so the doubling starts again for every dial.
 */
final class RetryAfter implements CustomBackoffStrategy {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    RetryAfter(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.nextMillis = initialMillis;
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextMillis = initialMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long exponential = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        if (cause instanceof DialFailure.Retryable retryable && retryable.retryAfter() != null) {
            return retryable.retryAfter().toMillis();
        }
        return exponential + ThreadLocalRandom.current().nextLong(exponential / 4 + 1);
    }

    /** A Retry-After header's wait; empty when absent or unreadable, never negative. */
    static Optional<Duration> parse(String header) {
        return parse(header, Instant.now());
    }

    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
