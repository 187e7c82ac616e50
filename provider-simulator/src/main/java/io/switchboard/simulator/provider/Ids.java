package io.switchboard.simulator.provider;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Provider ids in each provider's format. Random, not seeded: a re-run with the same seed must not hand the platform
 * ids it already has (it would take the new call's webhooks for duplicates of the old call's).
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    /** Twilio: two letters and 32 hex digits (CA…, AC…). */
    public static String twilioSid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static String alphanumeric(int length) {
        return pick(ALNUM, length);
    }

    public static String lowerAlphanumeric(int length) {
        return pick(LOWER, length);
    }

    private static String pick(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
