package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A call's status moved forward (queued → initiated → ringing → in_progress → terminal), or a terminal status was refined. */
public record CallStatusChangedV1(
        String callId,
        String previousStatus,
        String status,
        String provider,
        String providerCallId,
        String reason,
        Instant changedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
