package io.switchboard.platform.text;

/**
 * The one rule for control characters in text a client sends: C0 controls other than tab, line feed and
 * carriage return, and DEL, are refused with 400. Never stripped: silently changing what a client sent
 * hides bugs on their side. The rule matters beyond hygiene: PostgreSQL cannot store NUL in text and
 * would fail the whole transaction with a 500.
 *
 * Applied everywhere without per-field annotations: {@link RejectControlCharacters} for every JSON string
 * (field paths in the problem) and {@link ControlCharacterFilter} for query parameters.
 */
public final class ControlCharacters {

    public static final String MESSAGE = "must not contain control characters (such as NUL); tab, CR and LF are allowed";

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
            if (forbidden(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
