package io.switchboard.events.customer;

import java.math.BigDecimal;
import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A contact was converted into a customer with a per-tenant {@code customerReference} (CUS-000042). Keyed by customer. */
public record CustomerCreatedV1(
        String customerId,
        String contactId,
        String customerReference,
        String company,
        String industry,
        BigDecimal dealValue,
        String dealCurrency,
        Instant createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
