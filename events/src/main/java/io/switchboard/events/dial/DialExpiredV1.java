package io.switchboard.events.dial;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * calls-service received a dial request after its {@code notAfter} deadline and did not dial; campaigns-service
 * reschedules the queue item. Keyed by the queue item.
 */
public record DialExpiredV1(
        String dialRequestId,
        String queueItemId,
        int attempt,
        String campaignId,
        Instant notAfter,
        Instant receivedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return queueItemId;
    }
}
