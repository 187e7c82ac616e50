package io.switchboard.events.customer;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A customer's {@code do_not_contact} flag was set or cleared (also cleared when the customer is deleted).
 * A dialer applies it like an opt-out of every channel for {@code phone} (E.164) without calling back.
 * Keyed by customer, so set and clear arrive in order.
 */
public record CustomerDoNotContactChangedV1(
        String customerId,
        String contactId,
        String phone,
        boolean doNotContact,
        String reason,
        Instant changedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
