package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A provider reported a call for the first time, or accepted an outbound call we placed: the call now has a
 * provider and a provider call id.
 *
 * @param dialRequestId the {@code dial.requested} this call answers; null for inbound calls and calls not placed
 *                      through the dialer
 */
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
        Instant initiatedAt,
        String dialRequestId) implements EventPayload {

    /** An inbound call or one not placed through a dial request (issue 9's components). */
    public CallInitiatedV1(String callId, String provider, String providerCallId, String connectionId, String direction,
            String status, String fromNumber, String toNumber, String providerAgentId, String campaignId,
            String contactId, Instant initiatedAt) {
        this(callId, provider, providerCallId, connectionId, direction, status, fromNumber, toNumber, providerAgentId,
                campaignId, contactId, initiatedAt, null);
    }

    @Override
    public String aggregateId() {
        return callId;
    }
}
