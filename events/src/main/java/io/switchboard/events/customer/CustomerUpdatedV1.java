package io.switchboard.events.customer;

import java.math.BigDecimal;
import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A customer's record or risk profile changed; carries the state after the change. Keyed by customer. */
public record CustomerUpdatedV1(
        String customerId,
        String contactId,
        String customerReference,
        String company,
        String industry,
        BigDecimal dealValue,
        String dealCurrency,
        String riskLevel,
        Integer riskScore,
        boolean doNotContact,
        Instant updatedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
