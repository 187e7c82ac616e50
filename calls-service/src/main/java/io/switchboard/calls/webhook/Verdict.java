package io.switchboard.calls.webhook;

/**
 * Whether a webhook is authentic; when not, why, as a metric tag and delivery-log detail (never the secret, never the
 * signature).
 */
public record Verdict(boolean authentic, String reason) {

    public static final String MISSING_SIGNATURE = "missing_signature";
    public static final String MALFORMED_SIGNATURE = "malformed_signature";
    public static final String BAD_SIGNATURE = "bad_signature";
    public static final String STALE_TIMESTAMP = "stale_timestamp";
    public static final String FUTURE_TIMESTAMP = "future_timestamp";
    public static final String IP_NOT_ALLOWED = "ip_not_allowed";

    private static final Verdict AUTHENTIC = new Verdict(true, null);

    public static Verdict ok() {
        return AUTHENTIC;
    }

    public static Verdict rejected(String reason) {
        return new Verdict(false, reason);
    }
}
