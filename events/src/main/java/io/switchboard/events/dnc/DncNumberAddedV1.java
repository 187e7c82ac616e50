package io.switchboard.events.dnc;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A number was put on a do-not-call list (it blocks voice calls): the tenant's internal list
 * ({@code internal} true, applies to every campaign) or a named list campaigns attach. Keyed by the E.164 phone.
 */
public record DncNumberAddedV1(
        String listId,
        boolean internal,
        String phone,
        String reason,
        String source,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return phone;
    }
}
