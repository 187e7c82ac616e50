package io.switchboard.gateway.identity;

import java.util.Locale;

import io.switchboard.platform.problem.ProblemException;

/**
 * The one rule for e-mail addresses: what is stored, looked up, throttled and compared is the trimmed,
 * lower-cased address. {@link #MAX_LENGTH} is the width of every e-mail column (users, login_attempts).
 */
public final class Emails {

    /** Column width of users.email and login_attempts.email; request bodies are validated against it. */
    public static final int MAX_LENGTH = 255;

    private Emails() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * {@link #normalize} for an address about to be stored: lower-casing can lengthen a few non-ASCII letters
     * (U+0130 becomes two characters), so the column width is checked again on the result.
     */
    public static String normalizeForStorage(String email, String field) {
        String normalized = normalize(email);
        if (normalized != null && normalized.length() > MAX_LENGTH) {
            throw ProblemException.badField(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return normalized;
    }
}
