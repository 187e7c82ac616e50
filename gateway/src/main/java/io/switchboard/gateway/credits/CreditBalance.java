package io.switchboard.gateway.credits;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant's current balance; a tenant never credited or debited has 0. */
public record CreditBalance(UUID tenantId, int balance, OffsetDateTime updatedAt) {
}
