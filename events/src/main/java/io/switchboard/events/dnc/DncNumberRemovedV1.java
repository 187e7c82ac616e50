package io.switchboard.events.dnc;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A number was taken off a do-not-call list (one by one, by a file, or because the list was deleted). Keyed by the E.164 phone. */
public record DncNumberRemovedV1(
        String listId,
        boolean internal,
        String phone,
        String source,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return phone;
    }
}
