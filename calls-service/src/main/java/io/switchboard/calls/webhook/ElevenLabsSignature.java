package io.switchboard.calls.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * ElevenLabs: {@code ElevenLabs-Signature: t=<unix seconds>,v0=<hex HMAC-SHA256 of "t.body">}, keyed by the webhook's
 * shared secret; the timestamp must lie within the tolerance (30 minutes in ElevenLabs' SDKs) of now, either way.
 */
final class ElevenLabsSignature {

    static final String HEADER = "elevenlabs-signature";

    private ElevenLabsSignature() {
    }

    static Verdict verify(String secret, byte[] body, String header, Instant now, Duration tolerance) {
        return TimestampedHmac.verify(header, "t", "v0", Instant::ofEpochSecond,
                timestamp -> Hmac.sha256Hex(secret, Hmac.utf8(timestamp + "."), body), now, tolerance);
    }
}
