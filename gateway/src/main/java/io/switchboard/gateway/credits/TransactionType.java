package io.switchboard.gateway.credits;

/** The ledger's entry types (column {@code credit_transactions.type}). */
public enum TransactionType {
    PURCHASE, USAGE, REFUND, ADJUSTMENT;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TransactionType of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
