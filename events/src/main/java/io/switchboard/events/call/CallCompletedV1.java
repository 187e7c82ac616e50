package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A call reached a terminal status; carries what billing, retries and KPIs need. */
public record CallCompletedV1(
        String callId,
        String status,
        String disposition,
        long durationSeconds,
        String agentId,
        String campaignId,
        String contactId,
        Instant endedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
