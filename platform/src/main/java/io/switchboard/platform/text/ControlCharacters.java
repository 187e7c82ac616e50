package io.switchboard.platform.text;

/**
 * The one rule for characters in text a client sends: C0 controls other than tab, line feed and carriage
 * return, DEL, and unpaired surrogates (a JSON {@code "\ud800"} escape that is not valid Unicode) are
 * refused with 400. Never stripped: silently changing what a client sent hides bugs on their side. The rule
 * matters beyond hygiene: PostgreSQL cannot store NUL in text and would fail the whole transaction with a
 * 500, and the JDBC driver would store an unpaired surrogate as '?'.
 *
 * Applied everywhere without per-field annotations: {@link RejectControlCharacters} for every JSON string
 * (field paths in the problem) and {@link ControlCharacterFilter} for query parameters.
 */
public final class ControlCharacters {

    public static final String MESSAGE = "must not contain control characters (such as NUL) or unpaired surrogates; "
            + "tab, CR and LF are allowed";

    private ControlCharacters() {
    }

    public static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }

    public static boolean containsForbidden(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (forbidden(c)) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a valid pair: one character outside the BMP, such as an emoji
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
