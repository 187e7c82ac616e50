package io.switchboard.events.number;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A tenant's phone number was deleted; its calls keep their history without it. Keyed by the phone number's id. */
public record PhoneNumberDeletedV1(
        String phoneNumberId,
        String phoneNumber,
        Instant deletedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return phoneNumberId;
    }
}
