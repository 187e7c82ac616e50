package io.switchboard.gateway.proxy;

import java.util.concurrent.TimeoutException;

/**
 * What went wrong talking to an upstream, as the status and problem the client sees: 504 when it stayed silent
 * too long, else 503. Never 502: a client cannot act differently on "refused" and "dropped", and both mean
 * "try again later".
 */
enum UpstreamFailure {

    UNAVAILABLE(503, "unavailable", "Service Unavailable", "the %s service cannot be reached"),
    TIMEOUT(504, "upstream-timeout", "Gateway Timeout", "the %s service did not answer within %d ms"),
    DROPPED(503, "unavailable", "Service Unavailable", "the %s service broke off the exchange");

    final int status;
    final String slug;
    final String title;
    private final String detail;

    UpstreamFailure(int status, String slug, String title, String detail) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
    }

    String detail(String route, long timeoutMs) {
        return String.format(detail, route, timeoutMs);
    }

    /**
     * Failing to get a connection (refused, unreachable, unknown host, pool wait) means the service is not there;
     * a reset, an empty or garbled answer means it broke off.
     */
    static UpstreamFailure of(Throwable error) {
        if (error instanceof NoConnection) {
            return UNAVAILABLE;
        }
        return error instanceof TimeoutException || error.getCause() instanceof TimeoutException ? TIMEOUT : DROPPED;
    }

    /** Marks a failure to obtain a connection, before anything was sent upstream. */
    static final class NoConnection extends RuntimeException {
        NoConnection(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
