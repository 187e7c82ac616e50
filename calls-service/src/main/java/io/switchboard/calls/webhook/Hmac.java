package io.switchboard.calls.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The primitives every HMAC scheme shares: HMAC-SHA256, constant-time comparison, the timestamp window. */
final class Hmac {

    private Hmac() {
    }

    /** Lower-case hex HMAC-SHA256 of the parts, in order, keyed by the UTF-8 bytes of {@code key}. */
    static String sha256Hex(String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Constant-time equality of two hex digests (case-insensitive), or of two secrets. */
    static boolean sameHex(String expectedHex, String givenHex) {
        return givenHex != null && same(expectedHex, givenHex.trim().toLowerCase(Locale.ROOT));
    }

    /** Constant-time: the time taken does not tell how much of a guessed secret was right. */
    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Null when {@code signedAt} lies within {@code tolerance} of {@code now} either way, else the rejection reason. */
    static String outsideWindow(Instant signedAt, Instant now, Duration tolerance) {
        if (signedAt.isBefore(now.minus(tolerance))) {
            return Verdict.STALE_TIMESTAMP;
        }
        return signedAt.isAfter(now.plus(tolerance)) ? Verdict.FUTURE_TIMESTAMP : null;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
