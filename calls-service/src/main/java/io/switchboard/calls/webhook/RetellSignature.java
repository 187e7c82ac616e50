package io.switchboard.calls.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * Retell: {@code X-Retell-Signature: v=<unix ms>,d=<hex HMAC-SHA256 of body + timestamp>}, keyed by the account's API
 * key (the connection's webhook secret), as the retell-sdk {@code verify} computes it; the timestamp must lie within
 * the tolerance (5 minutes in the SDK) of now, either way.
 */
final class RetellSignature {

    static final String HEADER = "x-retell-signature";

    private RetellSignature() {
    }

    static Verdict verify(String apiKey, byte[] body, String header, Instant now, Duration tolerance) {
        return TimestampedHmac.verify(header, "v", "d", Instant::ofEpochMilli,
                timestamp -> Hmac.sha256Hex(apiKey, body, Hmac.utf8(timestamp)), now, tolerance);
    }
}
