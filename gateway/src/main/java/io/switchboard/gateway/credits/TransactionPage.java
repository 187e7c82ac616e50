package io.switchboard.gateway.credits;

import java.util.List;

/** One page of a tenant's ledger, newest first. */
public record TransactionPage(List<CreditTransaction> items, int page, int size, long total) {
}
