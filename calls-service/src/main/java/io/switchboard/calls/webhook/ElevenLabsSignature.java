package io.switchboard.calls.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * ElevenLabs: {@code ElevenLabs-Signature: t=<unix seconds>,v0=<hex HMAC-SHA256 of "t.body">}, keyed by the webhook's
 * shared secret; the timestamp must lie within the tolerance (30 minutes in ElevenLabs' SDKs) of now, either way.
 */
final class ElevenLabsSignature {

    static final String HEADER = "elevenlabs-signature";

    private ElevenLabsSignature() {
    }

    static Verdict verify(String secret, byte[] body, String header, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Verdict.rejected(Verdict.MISSING_SIGNATURE);
        }
        Map<String, String> parts = SignatureHeader.parse(header);
        String timestamp = parts.get("t");
        String digest = parts.get("v0");
        if (timestamp == null || digest == null || !timestamp.matches("\\d{1,12}")) {
            return Verdict.rejected(Verdict.MALFORMED_SIGNATURE);
        }
        String window = Hmac.outsideWindow(Instant.ofEpochSecond(Long.parseLong(timestamp)), now, tolerance);
        if (window != null) {
            return Verdict.rejected(window);
        }
        return Hmac.sameHex(Hmac.sha256Hex(secret, Hmac.utf8(timestamp + "."), body), digest) ? Verdict.ok()
                : Verdict.rejected(Verdict.BAD_SIGNATURE);
    }
}
