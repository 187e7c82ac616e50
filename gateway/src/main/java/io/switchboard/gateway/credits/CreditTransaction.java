package io.switchboard.gateway.credits;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One ledger entry as the API shows it. {@code amount} is signed; usage entries are the amount actually debited. */
public record CreditTransaction(UUID id, String type, int amount, int balanceAfter, UUID callId, String description,
        OffsetDateTime createdAt) {
}
