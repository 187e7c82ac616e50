package io.switchboard.events.contact;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A contact was deleted; rows that referenced it are gone with it. */
public record ContactDeletedV1(
        String contactId,
        String phone,
        Instant deletedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return contactId;
    }
}
