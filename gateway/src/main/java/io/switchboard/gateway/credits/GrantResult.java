package io.switchboard.gateway.credits;

import java.util.UUID;

/** What an admin grant did: the ledger entry, the new balance and the audit entry recording it. */
public record GrantResult(UUID tenantId, int balance, CreditTransaction transaction, UUID auditId) {
}
