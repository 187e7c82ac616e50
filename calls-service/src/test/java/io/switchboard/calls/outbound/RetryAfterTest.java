package io.switchboard.calls.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The wait before a retry, and which answers may be retried at all: plain logic, no infrastructure. */
class RetryAfterTest {

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateAndIgnoredWhenUnreadable() {
        Instant now = Instant.parse("2026-11-22T05:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", now));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sun, 22 Nov 2026 05:00:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 22 Nov 2026 04:59:00 GMT", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfter.parse(null, now));
    }

    @Test
    void theProvidersRetryAfterWinsOverTheExponentialBackoff() {
        RetryAfter backoff = new RetryAfter(Duration.ofMillis(100), Duration.ofSeconds(1));
        backoff.init(0);
        assertEquals(3_000, backoff.nextDelayInMillis(new DialFailure.Retryable("429", Duration.ofSeconds(3), null)));
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesUpToItsMaximumWithAtMostAQuarterOfJitter() {
        RetryAfter backoff = new RetryAfter(Duration.ofMillis(100), Duration.ofMillis(300));
        backoff.init(0);
        long[] expected = {100, 200, 300, 300};
        for (long base : expected) {
            long delay = backoff.nextDelayInMillis(new DialFailure.Retryable("500", null, null));
            assertTrue(delay >= base && delay <= base + base / 4, delay + " for base " + base);
        }
    }

    @Test
    void onlyAnswersThatCreatedNoCallAreRetryableAndA504LeavesTheOutcomeUnknown() {
        assertInstanceOf(DialFailure.Retryable.class, DialFailure.forStatus(429, "2", null));
        assertEquals(Duration.ofSeconds(2), ((DialFailure.Retryable) DialFailure.forStatus(429, "2", null)).retryAfter());
        assertInstanceOf(DialFailure.Retryable.class, DialFailure.forStatus(500, null, null));
        assertInstanceOf(DialFailure.Retryable.class, DialFailure.forStatus(502, null, null));
        assertInstanceOf(DialFailure.Retryable.class, DialFailure.forStatus(503, null, null));
        assertInstanceOf(DialFailure.Rejected.class, DialFailure.forStatus(400, null, "bad number"));
        assertInstanceOf(DialFailure.Rejected.class, DialFailure.forStatus(401, null, null));
        assertInstanceOf(DialFailure.Rejected.class, DialFailure.forStatus(422, null, null));
        assertInstanceOf(DialFailure.OutcomeUnknown.class, DialFailure.forStatus(504, null, null));
    }

    @Test
    void aRefusedConnectionIsRetryableButAResetAfterSendingIsNot() {
        assertInstanceOf(DialFailure.Retryable.class,
                ProviderClients.transportFailure(new RuntimeException(new java.net.ConnectException("refused"))));
        assertInstanceOf(DialFailure.OutcomeUnknown.class,
                ProviderClients.transportFailure(new RuntimeException(new java.net.SocketException("reset"))));
    }
}
