package io.switchboard.events.contact;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A contact was created. Phone numbers are E.164. */
public record ContactCreatedV1(
        String contactId,
        String phone,
        String firstName,
        String lastName,
        String timeZone,
        Instant createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return contactId;
    }
}
