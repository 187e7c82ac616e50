package io.switchboard.calls.outbound;

import java.time.Duration;

/**
 * Why a provider request did not give us a call id. The subclass decides what happens next: a {@link Retryable}
 * failure provably created no call and may be repeated; a {@link Rejected} one is final; an {@link OutcomeUnknown}
 * one may have created a call and is never repeated (docs/outbound.md "Failure reasons").
 */
public abstract class DialFailure extends RuntimeException {

    protected DialFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** 429, 500, 502, 503, or a connection that was refused before any request was sent. */
    public static final class Retryable extends DialFailure {
        private final Duration retryAfter;

        public Retryable(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        /** The provider's Retry-After, or null. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Any other 4xx: the provider refused this request; repeating it would be refused the same way. */
    public static final class Rejected extends DialFailure {
        private final int status;

        public Rejected(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The request was sent but no usable answer came back (timeout, reset, 504, unreadable 2xx). */
    public static final class OutcomeUnknown extends DialFailure {
        public OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the provider's status line means for a request that created nothing (non-2xx). */
    public static DialFailure forStatus(int status, String retryAfterHeader, String detail) {
        String message = "HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail);
        if (status == 429 || status == 500 || status == 502 || status == 503) {
            return new Retryable(message, RetryAfter.parse(retryAfterHeader).orElse(null), null);
        }
        if (status >= 400 && status < 500) {
            return new Rejected(status, message);
        }
        // 504 and the rest: a gateway gave up waiting, the provider may well have created the call
        return new OutcomeUnknown(message, null);
    }
}
