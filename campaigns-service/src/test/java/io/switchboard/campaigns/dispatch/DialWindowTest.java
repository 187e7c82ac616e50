package io.switchboard.campaigns.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DialWindowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private static DialWindow window(String start, String end, Set<DayOfWeek> days) {
        return new DialWindow(LocalTime.parse(start), LocalTime.parse(end), days);
    }

    @Test
    void theWindowIsReadInTheRecipientsLocalTimeStartInclusiveEndExclusive() {
        DialWindow w = window("09:00", "17:00", EVERY_DAY);
        assertTrue(w.isOpen(Instant.parse("2026-11-23T14:00:00Z"), NEW_YORK)); // 09:00 EST
        assertFalse(w.isOpen(Instant.parse("2026-11-23T13:59:59Z"), NEW_YORK));
        assertFalse(w.isOpen(Instant.parse("2026-11-23T22:00:00Z"), NEW_YORK)); // 17:00 EST
    }

    @Test
    void aNumberRingingInSeveralZonesIsDialedOnlyWhenTheWindowIsOpenInAllOfThem() {
        DialWindow w = window("09:00", "17:00", EVERY_DAY);
        List<ZoneId> both = List.of(NEW_YORK, LOS_ANGELES);
        Instant nineInNewYork = Instant.parse("2026-11-23T14:00:00Z"); // 06:00 in Los Angeles
        assertFalse(w.isOpenInAll(nineInNewYork, both));
        assertEquals(Optional.of(Instant.parse("2026-11-23T17:00:00Z")), w.nextOpen(nineInNewYork, both)); // 09:00 PST
        assertEquals(Instant.parse("2026-11-23T22:00:00Z"), w.closesAt(Instant.parse("2026-11-23T17:00:00Z"), both));
    }

    @Test
    void afterTheSpringForwardTheWindowOpensAtTheNewOffset() {
        DialWindow w = window("09:00", "17:00", EVERY_DAY);
        // 2026-03-08: New York moves from UTC-5 to UTC-4 at 02:00 local
        Instant saturdayEvening = Instant.parse("2026-03-07T23:00:00Z");
        assertEquals(Optional.of(Instant.parse("2026-03-08T13:00:00Z")), w.nextOpen(saturdayEvening, List.of(NEW_YORK)));
    }

    @Test
    void aWindowEdgeInsideTheSkippedHourOpensAndClosesAtTheJump() {
        DialWindow w = window("02:30", "02:45", EVERY_DAY);
        Instant jump = Instant.parse("2026-03-08T07:00:00Z"); // 02:00 EST becomes 03:00 EDT
        // 02:30 does not exist that day: the day's window is empty, the next one is Monday's 02:30 EDT
        assertEquals(Optional.of(Instant.parse("2026-03-09T06:30:00Z")),
                w.nextOpen(jump.minusSeconds(3600), List.of(NEW_YORK)));
        DialWindow across = window("01:30", "02:30", EVERY_DAY);
        Instant open = Instant.parse("2026-03-08T06:45:00Z"); // 01:45 EST
        assertTrue(across.isOpen(open, NEW_YORK));
        assertEquals(jump, across.closesAt(open, List.of(NEW_YORK)));
    }

    @Test
    void inTheRepeatedHourOfTheFallBackTheWindowClosesAtTheLaterPassOfItsEnd() {
        DialWindow w = window("00:30", "01:30", EVERY_DAY);
        // 2026-11-01: New York repeats 01:00–02:00 (EDT, then EST)
        Instant secondPass = Instant.parse("2026-11-01T06:10:00Z"); // 01:10 EST, the second 01:10
        assertTrue(w.isOpen(secondPass, NEW_YORK));
        assertEquals(Instant.parse("2026-11-01T06:30:00Z"), w.closesAt(secondPass, List.of(NEW_YORK)));
        Instant firstPass = Instant.parse("2026-11-01T05:10:00Z"); // 01:10 EDT
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), w.closesAt(firstPass, List.of(NEW_YORK)));
    }

    @Test
    void aWindowStartingInsideTheRepeatedHourClosesWhenTheHourRepeatsAndReopensOnItsSecondPass() {
        // found by DialWindowPropertyTest in CI: 2025-04-06 03:00 AEDT (16:00Z) Sydney falls back to 02:00 AEST
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        DialWindow w = window("02:30", "04:00", EVERY_DAY);
        Instant firstPass = Instant.parse("2025-04-05T15:59:59Z"); // 02:59:59 AEDT
        assertTrue(w.isOpen(firstPass, sydney));
        Instant fallBack = Instant.parse("2025-04-05T16:00:00Z"); // the clock reads 02:00 AEST: before the start
        assertFalse(w.isOpen(fallBack, sydney));
        assertEquals(fallBack, w.closesAt(firstPass, List.of(sydney)));
        // 02:10 AEST: the next opening is the second 02:30 that night, not the next day's
        assertEquals(Optional.of(Instant.parse("2025-04-05T16:30:00Z")),
                w.nextOpen(Instant.parse("2025-04-05T16:10:00Z"), List.of(sydney)));
        assertEquals(Instant.parse("2025-04-05T18:00:00Z"), w.closesAt(Instant.parse("2025-04-05T16:30:00Z"), List.of(sydney)));
    }

    @Test
    void weekdaysAreTheRecipientsLocalWeekdays() {
        DialWindow weekdays = window("09:00", "17:00", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        // Friday 2026-11-27 20:00 UTC is Saturday 09:00 in Auckland
        Instant fridayUtc = Instant.parse("2026-11-27T20:00:00Z");
        assertFalse(weekdays.isOpen(fridayUtc, AUCKLAND));
        assertEquals(Optional.of(Instant.parse("2026-11-29T20:00:00Z")), weekdays.nextOpen(fridayUtc, List.of(AUCKLAND)));
    }

    @Test
    void zonesWhoseWindowsNeverOverlapHaveNoNextMoment() {
        DialWindow w = window("09:00", "10:00", EVERY_DAY);
        assertEquals(Optional.empty(), w.nextOpen(Instant.parse("2026-11-23T00:00:00Z"),
                List.of(NEW_YORK, ZoneId.of("Asia/Tokyo"))));
    }
}
