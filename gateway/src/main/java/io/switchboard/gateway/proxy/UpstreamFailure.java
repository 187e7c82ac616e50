package io.switchboard.gateway.proxy;

import java.util.concurrent.TimeoutException;

/** What went wrong talking to an upstream, as the status and problem the client sees. */
enum UpstreamFailure {

    UNAVAILABLE(503, "unavailable", "Service Unavailable", "the %s service cannot be reached"),
    TIMEOUT(504, "upstream-timeout", "Gateway Timeout", "the %s service did not answer within %d ms"),
    BAD_GATEWAY(502, "bad-gateway", "Bad Gateway", "the %s service broke off the exchange");

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

    /** Failing to get a connection (refused, unreachable, unknown host, pool wait) means the service is not there. */
    static UpstreamFailure of(Throwable error) {
        if (error instanceof NoConnection) {
            return UNAVAILABLE;
        }
        return error instanceof TimeoutException || error.getCause() instanceof TimeoutException ? TIMEOUT : BAD_GATEWAY;
    }

    /** Marks a failure to obtain a connection, before anything was sent upstream. */
    static final class NoConnection extends RuntimeException {
        NoConnection(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
