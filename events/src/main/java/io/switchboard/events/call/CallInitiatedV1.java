package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A provider reported a call for the first time: the call now has a provider and a provider call id. */
public record CallInitiatedV1(
        String callId,
        String provider,
        String providerCallId,
        String connectionId,
        String direction,
        String status,
        String fromNumber,
        String toNumber,
        String providerAgentId,
        String campaignId,
        String contactId,
        Instant initiatedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
