package io.switchboard.gateway.credits;

/**
 * The ledger's entry types (column {@code credit_transactions.type}). {@code USAGE_CORRECTION} (issue 12) is a
 * signed change of a call's usage after its provider reported a different duration (docs/credits.md).
 */
public enum TransactionType {
    PURCHASE, USAGE, REFUND, ADJUSTMENT, USAGE_CORRECTION;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TransactionType of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
