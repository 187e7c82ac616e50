package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A call's recording is available at the provider (the URL may expire: see expiresAt). */
public record CallRecordingReadyV1(
        String callId,
        String provider,
        String url,
        Instant expiresAt,
        Integer durationSeconds,
        Instant readyAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
