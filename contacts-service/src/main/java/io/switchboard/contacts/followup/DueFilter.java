package io.switchboard.contacts.followup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.Optional;

import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.time.StorableTime;

/** The {@code due} query parameter: {@code before:<ISO-8601 instant>} (e.g. {@code before:2026-11-30T00:00:00Z}), or absent. */
final class DueFilter {

    static final String PARAMETER = "due";
    private static final String BEFORE = "before:";
    static final String MESSAGE = "must be before:<ISO-8601 instant>, e.g. before:2026-11-30T00:00:00Z";

    private DueFilter() {
    }

    static Optional<OffsetDateTime> before(String due) {
        if (due == null || due.isEmpty()) {
            return Optional.empty();
        }
        if (!due.startsWith(BEFORE)) {
            throw ProblemException.badField(PARAMETER, MESSAGE);
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(due.substring(BEFORE.length())).withOffsetSameInstant(ZoneOffset.UTC);
            if (!StorableTime.Validator.isStorable(at)) {
                throw ProblemException.badField(PARAMETER, MESSAGE);
            }
            return Optional.of(at);
        } catch (DateTimeException e) {
            throw ProblemException.badField(PARAMETER, MESSAGE);
        }
    }
}
