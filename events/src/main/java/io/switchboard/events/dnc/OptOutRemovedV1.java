package io.switchboard.events.dnc;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** An opt-out was withdrawn: the number may be contacted on this channel again. Keyed by the E.164 phone. */
public record OptOutRemovedV1(
        String optOutId,
        String phone,
        String channel,
        String source,
        String contactId,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return phone;
    }
}
