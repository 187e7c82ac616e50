package io.switchboard.events.contact;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * Two contacts became one: everything of {@code mergedContactId} (memories, consents, calls, …) now belongs
 * to {@code survivorContactId}, and the merged contact no longer exists (no separate contact.deleted is sent).
 * Keyed by the survivor.
 */
public record ContactMergedV1(
        String survivorContactId,
        String mergedContactId,
        String mergedPhone,
        Instant mergedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return survivorContactId;
    }
}
