package io.switchboard.contacts.calls;

import java.util.Locale;
import java.util.Optional;

/**
 * Which attempt counter of a contact a finished call adds to. The disposition (what the agent or the provider
 * recorded) is more specific than the status, so it decides when it names an unreached outcome; a call that
 * reached the person, or was canceled before dialing, counts nowhere.
 */
public enum CallOutcome {

    BUSY, NO_ANSWER, NOT_CONNECTED;

    public static Optional<CallOutcome> of(String status, String disposition) {
        Optional<CallOutcome> byDisposition = parse(disposition);
        return byDisposition.isPresent() ? byDisposition : parse(status);
    }

    private static Optional<CallOutcome> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "busy" -> Optional.of(BUSY);
            case "no_answer", "noanswer", "unanswered" -> Optional.of(NO_ANSWER);
            case "failed", "not_connected", "unreachable", "invalid_number" -> Optional.of(NOT_CONNECTED);
            default -> Optional.empty();
        };
    }

    /** The contact column this outcome increments. */
    String column() {
        return switch (this) {
            case BUSY -> "busy_count";
            case NO_ANSWER -> "no_answer_count";
            case NOT_CONNECTED -> "not_connected_count";
        };
    }
}
