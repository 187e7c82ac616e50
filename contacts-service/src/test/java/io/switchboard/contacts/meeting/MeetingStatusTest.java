package io.switchboard.contacts.meeting;

import static io.switchboard.contacts.meeting.MeetingStatus.CANCELLED;
import static io.switchboard.contacts.meeting.MeetingStatus.COMPLETED;
import static io.switchboard.contacts.meeting.MeetingStatus.RESCHEDULED;
import static io.switchboard.contacts.meeting.MeetingStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.platform.problem.ProblemException;

class MeetingStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "SCHEDULED, SCHEDULED, true", "SCHEDULED, COMPLETED, true", "SCHEDULED, CANCELLED, true", "SCHEDULED, RESCHEDULED, true",
            "RESCHEDULED, SCHEDULED, false", "RESCHEDULED, COMPLETED, true", "RESCHEDULED, CANCELLED, true",
            "RESCHEDULED, RESCHEDULED, true",
            "COMPLETED, SCHEDULED, false", "COMPLETED, COMPLETED, false", "COMPLETED, CANCELLED, false", "COMPLETED, RESCHEDULED, false",
            "CANCELLED, SCHEDULED, false", "CANCELLED, COMPLETED, false", "CANCELLED, CANCELLED, false", "CANCELLED, RESCHEDULED, false" })
    void transitionsFollowTheMeetingLifecycle(MeetingStatus from, MeetingStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @Test
    void aMovedStartReschedulesAPendingMeetingUnlessAStatusIsAsked() {
        assertEquals(RESCHEDULED, SCHEDULED.afterUpdate(null, true));
        assertEquals(RESCHEDULED, RESCHEDULED.afterUpdate(null, true));
        assertEquals(SCHEDULED, SCHEDULED.afterUpdate(SCHEDULED, true));
        assertEquals(SCHEDULED, SCHEDULED.afterUpdate(null, false));
        assertEquals(COMPLETED, RESCHEDULED.afterUpdate(COMPLETED, false));
    }

    @Test
    void reschedulingWithoutANewStartIsABadRequestOnStartsAt() {
        ProblemException e = assertThrows(ProblemException.class, () -> SCHEDULED.afterUpdate(RESCHEDULED, false));
        assertEquals(400, e.status());
        assertEquals("startsAt", e.errors().get(0).field());
    }

    @Test
    void aFinalMeetingCannotChangeAndAForbiddenMoveIsAConflict() {
        assertEquals(409, assertThrows(ProblemException.class, () -> COMPLETED.afterUpdate(null, false)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> CANCELLED.afterUpdate(SCHEDULED, true)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> RESCHEDULED.afterUpdate(SCHEDULED, false)).status());
        assertTrue(COMPLETED.isFinal());
        assertFalse(RESCHEDULED.isFinal());
    }

    @Test
    void statusesReadOnlyTheirLowerCaseNames() {
        assertEquals(Optional.of(CANCELLED), MeetingStatus.of("cancelled"));
        assertEquals(Optional.empty(), MeetingStatus.of("CANCELLED"));
        assertEquals(Optional.empty(), MeetingStatus.of(null));
    }
}
