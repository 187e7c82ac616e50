package io.switchboard.events.customer;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A customer record was deleted; the contact stays (no longer a customer). Keyed by customer. */
public record CustomerDeletedV1(
        String customerId,
        String contactId,
        String customerReference,
        Instant deletedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
