package io.switchboard.gateway.failure;

import java.time.Instant;
import java.util.UUID;

/**
 * One failed exchange, as recorded: nothing from bodies, headers or the query string. Values are cut to their
 * column widths here, so a request with an odd method or an endless path is recorded like any other and can
 * never fail the batch it is written in.
 */
public record Failure(String method, String endpoint, int status, int durationMs, String requestId, UUID userId,
        UUID tenantId, Instant at) {

    /** failure_log column widths (V12). */
    static final int METHOD_WIDTH = 16;
    static final int ENDPOINT_WIDTH = 512;
    static final int REQUEST_ID_WIDTH = 128;

    public Failure {
        method = cut(method == null ? "?" : method, METHOD_WIDTH);
        endpoint = cut(endpoint == null ? "/" : endpoint, ENDPOINT_WIDTH);
        requestId = cut(requestId, REQUEST_ID_WIDTH);
        status = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, status));
        durationMs = Math.max(0, durationMs);
    }

    private static String cut(String value, int width) {
        if (value == null || value.length() <= width) {
            return value;
        }
        // never split a surrogate pair: half a character is not valid UTF-8 for PostgreSQL
        int end = Character.isHighSurrogate(value.charAt(width - 1)) ? width - 1 : width;
        return value.substring(0, end);
    }
}
