package io.switchboard.calls.delivery;

import java.util.Locale;

/** What became of a webhook delivery (the delivery log's {@code result}). */
public enum DeliveryResult {
    /** verified and applied to a call (200) */
    ACCEPTED,
    /** verified; the provider event was applied before (200) */
    DUPLICATE,
    /** verified; an event type the call model does not use (202) */
    IGNORED,
    /** the signature, token or source address did not verify (401); nothing else was stored */
    REJECTED_SIGNATURE,
    /** verified but unreadable (400), or over the size limit (413) */
    MALFORMED,
    /** the connection is disabled or belongs to another provider (404); unknown ids are not logged here (no tenant) */
    UNKNOWN_CONNECTION,
    /** verified, but processing failed unexpectedly (500): the provider retries */
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static final String PATTERN = "accepted|duplicate|ignored|rejected_signature|malformed|unknown_connection|failed";

    public static DeliveryResult fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
