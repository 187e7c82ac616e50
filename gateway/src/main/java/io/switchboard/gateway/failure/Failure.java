package io.switchboard.gateway.failure;

import java.time.Instant;
import java.util.UUID;

/** One failed exchange, as recorded: nothing from bodies, headers or the query string. */
public record Failure(String method, String endpoint, int status, int durationMs, String requestId, UUID userId,
        UUID tenantId, Instant at) {
}
