package io.switchboard.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random opaque tokens and their SHA-256 hashes (what is stored: the tokens are high-entropy, so no salt/stretching). */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] LOWER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /**
     * The longest opaque token (refresh, reset, verification) a request may present: ours are 43 characters, so
     * anything much longer is not one of them and is refused before it is even hashed.
     */
    public static final int MAX_PRESENTED_LENGTH = 256;

    private Secrets() {
    }

    /** {@code length} characters of [A-Za-z0-9]: 43 of them carry ~256 bits. */
    public static String token(int length) {
        return random(ALPHANUMERIC, length);
    }

    /** {@code length} characters of [a-z0-9], for visible prefixes. */
    public static String lowerToken(int length) {
        return random(LOWER, length);
    }

    public static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
