package io.switchboard.calls.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The scheme Retell and ElevenLabs share: one header {@code <time key>=<timestamp>,<digest key>=<hex HMAC>}, the
 * timestamp within a window of now either way (stale and future alike), the digest over a message that includes it.
 */
final class TimestampedHmac {

    private TimestampedHmac() {
    }

    /**
     * @param time     the timestamp as the provider counts it (ms for Retell, s for ElevenLabs)
     * @param expected the lower-case hex digest the provider would have sent for this timestamp
     */
    static Verdict verify(String header, String timeKey, String digestKey, LongFunction<Instant> time,
            UnaryOperator<String> expected, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Verdict.rejected(Verdict.MISSING_SIGNATURE);
        }
        Map<String, String> parts = parse(header);
        String timestamp = parts.get(timeKey);
        String digest = parts.get(digestKey);
        if (timestamp == null || digest == null || !timestamp.matches("\\d{1,15}")) {
            return Verdict.rejected(Verdict.MALFORMED_SIGNATURE);
        }
        String window = Hmac.outsideWindow(time.apply(Long.parseLong(timestamp)), now, tolerance);
        if (window != null) {
            return Verdict.rejected(window);
        }
        return Hmac.sameHex(expected.apply(timestamp), digest) ? Verdict.ok() : Verdict.rejected(Verdict.BAD_SIGNATURE);
    }

    /** The pairs; a part without '=' is dropped, so a missing part shows as an absent key. */
    private static Map<String, String> parse(String header) {
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return parts;
    }
}
