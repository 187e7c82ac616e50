package io.switchboard.events.dnc;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A phone number opted out of one channel ({@code voice|sms|email}). Keyed by the E.164 phone, so every
 * opt-out and DNC event of one number arrives in order and a replica can apply it without calling back.
 */
public record OptOutAddedV1(
        String optOutId,
        String phone,
        String channel,
        String reason,
        String source,
        String contactId,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return phone;
    }
}
