package io.switchboard.events.credits;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A tenant's credit balance changed (usage debit, purchase, refund, adjustment). Keyed by tenant, so the
 * latest event per key is the current balance: the dialer stops dialing a tenant whose balance is 0.
 *
 * @param balance the balance after the change, never negative
 * @param change  signed amount actually applied (a usage debit capped at the available balance)
 * @param reason  the ledger entry's type: usage, purchase, refund or adjustment
 * @param callId  the call a usage debit was for, else null
 */
public record CreditBalanceChangedV1(
        String tenantId,
        long balance,
        long change,
        String reason,
        String callId,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return tenantId;
    }
}
