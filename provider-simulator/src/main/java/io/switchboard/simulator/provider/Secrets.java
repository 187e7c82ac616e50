package io.switchboard.simulator.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The providers' signing primitives, and constant-time comparison of the credentials create-calls carry. */
public final class Secrets {

    private Secrets() {
    }

    public static boolean same(String expected, String given) {
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex HMAC-SHA256 of the parts in order (Retell, ElevenLabs). */
    public static String hmacSha256Hex(String key, byte[]... parts) {
        return HexFormat.of().formatHex(mac("HmacSHA256", key, parts));
    }

    /** Base64 HMAC-SHA1 (Twilio). */
    public static String hmacSha1Base64(String key, byte[]... parts) {
        return Base64.getEncoder().encodeToString(mac("HmacSHA1", key, parts));
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mac(String algorithm, String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
