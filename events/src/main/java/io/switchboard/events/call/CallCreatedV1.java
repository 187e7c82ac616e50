package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A call record was created (outbound queued or inbound received). */
public record CallCreatedV1(
        String callId,
        String direction,
        String status,
        String fromNumber,
        String toNumber,
        String agentId,
        String campaignId,
        String contactId,
        Instant createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
