package io.switchboard.events.memory;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A fact was remembered about a contact: {@code kind} manual (added by a user) or auto (from {@code callId}'s analysis). Keyed by contact. */
public record MemoryAddedV1(
        String memoryId,
        String contactId,
        String kind,
        String content,
        String callId,
        Instant addedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return contactId;
    }
}
