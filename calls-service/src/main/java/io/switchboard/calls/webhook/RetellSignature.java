package io.switchboard.calls.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
        if (header == null || header.isBlank()) {
            return Verdict.rejected(Verdict.MISSING_SIGNATURE);
        }
        Map<String, String> parts = SignatureHeader.parse(header);
        String timestamp = parts.get("v");
        String digest = parts.get("d");
        if (timestamp == null || digest == null || !timestamp.matches("\\d{1,15}")) {
            return Verdict.rejected(Verdict.MALFORMED_SIGNATURE);
        }
        String window = Hmac.outsideWindow(Instant.ofEpochMilli(Long.parseLong(timestamp)), now, tolerance);
        if (window != null) {
            return Verdict.rejected(window);
        }
        return Hmac.sameHex(Hmac.sha256Hex(apiKey, body, Hmac.utf8(timestamp)), digest) ? Verdict.ok()
                : Verdict.rejected(Verdict.BAD_SIGNATURE);
    }
}
