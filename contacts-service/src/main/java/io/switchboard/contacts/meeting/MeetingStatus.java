package io.switchboard.contacts.meeting;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.switchboard.platform.problem.ProblemException;

/**
 * A meeting's life: {@code scheduled → completed | cancelled | rescheduled}; a rescheduled meeting is again
 * pending at its new time ({@code → completed | cancelled | rescheduled}); completed and cancelled are final.
 * Staying in the same status is allowed where the status is not final (a PATCH of other fields).
 */
public enum MeetingStatus {
    SCHEDULED, COMPLETED, CANCELLED, RESCHEDULED;

    public static final String VALUES = "scheduled|completed|cancelled|rescheduled";

    public String value() {
        return name().toLowerCase();
    }

    public static Optional<MeetingStatus> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    public Set<MeetingStatus> next() {
        return isFinal() ? EnumSet.noneOf(MeetingStatus.class) : EnumSet.of(COMPLETED, CANCELLED, RESCHEDULED);
    }

    public boolean canMoveTo(MeetingStatus target) {
        return next().contains(target) || (target == this && !isFinal());
    }

    /**
     * The status a PATCH leads to: the requested one, else rescheduled when the start moved, else unchanged.
     * A final meeting cannot change at all, a transition outside {@link #next()} is a 409, and rescheduling
     * without a new start is a 400 on {@code startsAt}.
     */
    public MeetingStatus afterUpdate(MeetingStatus requested, boolean startMoved) {
        if (isFinal()) {
            throw ProblemException.conflict("the meeting is " + value() + "; it can no longer change");
        }
        MeetingStatus target = requested != null ? requested : startMoved ? RESCHEDULED : this;
        if (!canMoveTo(target)) {
            throw ProblemException.conflict("status: a " + value() + " meeting cannot become " + target.value()
                    + " (allowed: " + next().stream().map(MeetingStatus::value).sorted().toList() + ")");
        }
        if (target == RESCHEDULED && !startMoved) {
            throw ProblemException.badField("startsAt", "a rescheduled meeting needs a new startsAt");
        }
        return target;
    }
}
