package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A person set a call's disposition through the API (it overrides the provider's). */
public record CallDispositionChangedV1(
        String callId,
        String previousDisposition,
        String disposition,
        CallFlagsV1 flags,
        String campaignId,
        String contactId,
        Instant changedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
