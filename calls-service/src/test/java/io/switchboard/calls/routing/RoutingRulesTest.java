package io.switchboard.calls.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.switchboard.platform.problem.Problem;

/** The routing decision and the schedule's consistency rules, without infrastructure. */
class RoutingRulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String TEAM = "+14155550100";

    private static WeeklyHours hours(DayOfWeek day, String start, String end) {
        return new WeeklyHours(day, start, end);
    }

    /** 09:00–17:00 every day of the week. */
    private static RoutingSchedule nineToFive(Holiday... holidays) {
        return new RoutingSchedule(TEAM, 20, Arrays.stream(DayOfWeek.values()).map(d -> hours(d, "09:00", "17:00")).toList(),
                List.of(holidays));
    }

    private static RoutingStatus at(RoutingSchedule schedule, ZoneId zone, String instant) {
        return RoutingRules.decide(schedule, zone, Instant.parse(instant)).status();
    }

    @Nested
    class Decisions {

        @Test
        void insideBusinessHoursTheCallIsTransferredToTheTeamAndOutsideItGoesToTheAgent() {
            RoutingSchedule schedule = nineToFive();
            // Monday 23 November 2026, New York is UTC-5
            RoutingRules.Decision inside = RoutingRules.decide(schedule, NEW_YORK, Instant.parse("2026-11-23T14:00:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, inside.status());
            assertEquals("inside_hours", inside.reason());
            assertEquals(LocalDateTime.parse("2026-11-23T09:00"), inside.localTime());
            RoutingRules.Decision outside = RoutingRules.decide(schedule, NEW_YORK, Instant.parse("2026-11-23T22:00:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, outside.status());
            assertEquals("outside_hours", outside.reason());
        }

        @Test
        void startIsInsideAndEndIsOutside() {
            RoutingSchedule schedule = nineToFive();
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, NEW_YORK, "2026-11-23T13:59:59Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-11-23T14:00:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-11-23T21:59:59Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, NEW_YORK, "2026-11-23T22:00:00Z"));
        }

        @Test
        void severalRulesOnOneDayLeaveTheGapBetweenThemOutside() {
            RoutingSchedule lunchBreak = new RoutingSchedule(TEAM, 20,
                    List.of(hours(DayOfWeek.MONDAY, "09:00", "12:00"), hours(DayOfWeek.MONDAY, "13:00", "17:00")), List.of());
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(lunchBreak, LONDON, "2026-11-23T11:59:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(lunchBreak, LONDON, "2026-11-23T12:30:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(lunchBreak, LONDON, "2026-11-23T13:00:00Z"));
            // Tuesday has no rule at all
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(lunchBreak, LONDON, "2026-11-24T10:00:00Z"));
        }

        @Test
        void theDayOfWeekIsTheNumbersLocalDayNotUtcs() {
            RoutingSchedule mondays = new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.MONDAY, "20:00", "24:00")), List.of());
            // Tuesday 01:30 UTC is still Monday 20:30 in New York
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(mondays, NEW_YORK, "2026-11-24T01:30:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(mondays, NEW_YORK, "2026-11-24T04:59:59Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(mondays, NEW_YORK, "2026-11-24T05:00:00Z"));
        }

        @Test
        void withoutAScheduleEveryCallGoesToTheAgent() {
            RoutingRules.Decision decision = RoutingRules.decide(RoutingSchedule.none(), NEW_YORK, Instant.parse("2026-11-23T15:00:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, decision.status());
            assertEquals("no_schedule", decision.reason());
        }
    }

    @Nested
    class DaylightSaving {

        @Test
        void newYorkSpringForwardMovesTheUtcInstantsBusinessHoursCover() {
            RoutingSchedule schedule = nineToFive();
            // Saturday 7 March 2026: EST, 09:00 local = 14:00 UTC
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, NEW_YORK, "2026-03-07T13:30:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-03-07T14:00:00Z"));
            // Sunday 8 March 2026 (clocks forward at 02:00): EDT, 09:00 local = 13:00 UTC
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-03-08T13:30:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, NEW_YORK, "2026-03-08T21:00:00Z"));
        }

        @Test
        void newYorkSpringForwardSkippedHourEndsAnEarlyMorningRuleOnTime() {
            RoutingSchedule night = new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.SUNDAY, "01:00", "03:00")), List.of());
            // 01:59 EST is inside; one minute later it is 03:00 EDT, the rule's end
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(night, NEW_YORK, "2026-03-08T06:59:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(night, NEW_YORK, "2026-03-08T07:00:00Z"));
        }

        @Test
        void newYorkFallBackRepeatedHourIsInsideBothTimes() {
            RoutingSchedule night = new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.SUNDAY, "01:00", "02:00")), List.of());
            // Sunday 1 November 2026: 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST)
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(night, NEW_YORK, "2026-11-01T05:30:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(night, NEW_YORK, "2026-11-01T06:30:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(night, NEW_YORK, "2026-11-01T07:00:00Z"));
            // and 17:00 is 21:00 UTC the Friday before but 22:00 UTC the Monday after
            RoutingSchedule schedule = nineToFive();
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, NEW_YORK, "2026-10-30T21:30:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-11-02T21:30:00Z"));
        }

        @Test
        void londonSummerTimeShiftsOpeningByAnHourInUtc() {
            RoutingSchedule schedule = nineToFive();
            // Friday 27 March 2026, GMT: 09:00 local = 09:00 UTC
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, LONDON, "2026-03-27T08:30:00Z"));
            // Monday 30 March 2026, BST (since the 29th): 09:00 local = 08:00 UTC
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, LONDON, "2026-03-30T08:30:00Z"));
            // Sunday 25 October 2026 back to GMT: 16:30 UTC is 16:30 local, inside; the day before it was 17:30 BST
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, LONDON, "2026-10-25T16:30:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, LONDON, "2026-10-24T16:30:00Z"));
        }
    }

    @Nested
    class Holidays {

        @Test
        void aClosedHolidaySendsEveryCallToTheAgentEvenInsideWeeklyHours() {
            RoutingSchedule schedule = nineToFive(new Holiday("2026-12-25", true, null));
            RoutingRules.Decision decision = RoutingRules.decide(schedule, NEW_YORK, Instant.parse("2026-12-25T15:00:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, decision.status());
            assertEquals("holiday_closed", decision.reason());
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-12-24T15:00:00Z"));
        }

        @Test
        void aHolidayWithSpecialHoursReplacesTheWeeklyOnes() {
            RoutingSchedule schedule = nineToFive(new Holiday("2026-12-24", false, List.of(new TimeRange("09:00", "12:00"))));
            RoutingRules.Decision morning = RoutingRules.decide(schedule, NEW_YORK, Instant.parse("2026-12-24T15:00:00Z"));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, morning.status());
            assertEquals("holiday_hours", morning.reason());
            RoutingRules.Decision afternoon = RoutingRules.decide(schedule, NEW_YORK, Instant.parse("2026-12-24T18:00:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, afternoon.status());
            assertEquals("holiday_outside_hours", afternoon.reason());
        }

        @Test
        void theHolidayIsTheNumbersLocalDate() {
            RoutingSchedule schedule = new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.THURSDAY, "20:00", "24:00")),
                    List.of(new Holiday("2026-12-24", true, null)));
            // 25 Dec 02:00 UTC is still 24 Dec 21:00 in New York: the holiday applies
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, NEW_YORK, "2026-12-25T02:00:00Z"));
            // the Thursday before, the same local time is inside
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-12-18T02:00:00Z"));
        }

        @Test
        void aHolidayOnTheSpringForwardDayKeepsItsLocalHours() {
            RoutingSchedule schedule = new RoutingSchedule(TEAM, 20, List.of(),
                    List.of(new Holiday("2026-03-08", false, List.of(new TimeRange("10:00", "11:00")))));
            assertEquals(RoutingStatus.TRANSFERRED_TO_TEAM, at(schedule, NEW_YORK, "2026-03-08T14:30:00Z"));
            assertEquals(RoutingStatus.DIRECT_TO_AGENT, at(schedule, NEW_YORK, "2026-03-08T15:30:00Z"));
        }
    }

    @Nested
    class Validation {

        private List<String> fields(RoutingSchedule schedule) {
            return RoutingRules.problems(schedule).stream().map(Problem.FieldError::field).toList();
        }

        @Test
        void aConsistentScheduleHasNoProblems() {
            assertTrue(RoutingRules.problems(nineToFive(new Holiday("2026-12-25", true, null),
                    new Holiday("2026-12-24", false, List.of(new TimeRange("09:00", "12:00"))))).isEmpty());
            assertTrue(RoutingRules.problems(RoutingSchedule.none()).isEmpty());
        }

        @Test
        void startMustBeBeforeEnd() {
            assertEquals(List.of("weeklyHours[0].end"),
                    fields(new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.MONDAY, "17:00", "09:00")), List.of())));
            assertEquals(List.of("weeklyHours[0].end"),
                    fields(new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.MONDAY, "09:00", "09:00")), List.of())));
        }

        @Test
        void overlappingRulesOnOneDayAreRefusedButTouchingOnesAndOtherDaysAreNot() {
            assertEquals(List.of("weeklyHours[1].start"), fields(new RoutingSchedule(TEAM, 20,
                    List.of(hours(DayOfWeek.MONDAY, "09:00", "12:00"), hours(DayOfWeek.MONDAY, "11:00", "14:00")), List.of())));
            assertEquals(List.of("weeklyHours[0].start"), fields(new RoutingSchedule(TEAM, 20,
                    List.of(hours(DayOfWeek.MONDAY, "10:00", "11:00"), hours(DayOfWeek.MONDAY, "09:00", "17:00")), List.of())));
            assertTrue(fields(new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.MONDAY, "09:00", "12:00"),
                    hours(DayOfWeek.MONDAY, "12:00", "17:00"), hours(DayOfWeek.TUESDAY, "10:00", "11:00")), List.of())).isEmpty());
        }

        @Test
        void holidaysMustBeRealUniqueDatesEitherClosedOrWithHours() {
            assertEquals(List.of("holidays[0].date", "holidays[2].date", "holidays[3].hours", "holidays[4].hours",
                    "holidays[5].hours[1].start"), fields(new RoutingSchedule(TEAM, 20, List.of(), List.of(
                    new Holiday("2026-02-30", true, null),
                    new Holiday("2026-12-25", true, null),
                    new Holiday("2026-12-25", true, null),
                    new Holiday("2026-12-26", true, List.of(new TimeRange("09:00", "10:00"))),
                    new Holiday("2026-12-27", false, List.of()),
                    new Holiday("2026-12-28", false, List.of(new TimeRange("09:00", "12:00"), new TimeRange("10:00", "11:00"))))))
                    .stream().toList());
        }

        @Test
        void hoursWithoutATeamNumberAreRefused() {
            assertEquals(List.of("teamNumber"),
                    fields(new RoutingSchedule(null, 20, List.of(hours(DayOfWeek.MONDAY, "09:00", "17:00")), List.of())));
            assertEquals(List.of("teamNumber"), fields(new RoutingSchedule(null, 20, List.of(),
                    List.of(new Holiday("2026-12-24", false, List.of(new TimeRange("09:00", "12:00")))))));
            assertTrue(fields(new RoutingSchedule(null, 20, List.of(), List.of(new Holiday("2026-12-25", true, null)))).isEmpty());
        }

        @Test
        void midnightCanEndADay() {
            assertTrue(fields(new RoutingSchedule(TEAM, 20, List.of(hours(DayOfWeek.FRIDAY, "18:00", "24:00")), List.of())).isEmpty());
        }
    }
}
