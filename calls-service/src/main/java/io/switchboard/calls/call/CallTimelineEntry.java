package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.calls.webhook.Payloads;

/** One entry of a call's timeline: the provider's event (or a manual change) as it was applied. */
public record CallTimelineEntry(
        int eventSequence,
        String type,
        OffsetDateTime occurredAt,
        Map<String, Object> details,
        JsonNode raw) {

    static CallTimelineEntry of(CallEvent event) {
        try {
            return new CallTimelineEntry(event.eventSequence, event.type, event.occurredAt, event.details,
                    event.raw == null ? null : Payloads.JSON.readTree(event.raw));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored raw payload of call event " + event.id + " is not JSON", e);
        }
    }
}
