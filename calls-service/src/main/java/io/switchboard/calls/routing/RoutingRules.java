package io.switchboard.calls.routing;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import io.switchboard.platform.problem.Problem;

/**
 * The routing rules, pure: whether a schedule is consistent, and where a call arriving at an instant goes. Hours are
 * read in the number's zone at that instant, so a daylight-saving change moves the UTC instants the hours cover, never
 * the local hours themselves.
 */
public final class RoutingRules {

    /** Where a call goes and why (see CallRoutedV1 for the reasons); localTime is the arrival in the number's zone. */
    public record Decision(RoutingStatus status, String reason, LocalDateTime localTime) {
    }

    private RoutingRules() {
    }

    public static Decision decide(RoutingSchedule schedule, ZoneId zone, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDateTime time = local.toLocalDateTime();
        int minute = local.getHour() * 60 + local.getMinute();
        String date = local.toLocalDate().toString();
        Optional<Holiday> holiday = schedule.holidayList().stream().filter(h -> date.equals(h.date())).findFirst();
        if (holiday.isPresent()) {
            if (holiday.get().closed()) {
                return new Decision(RoutingStatus.DIRECT_TO_AGENT, "holiday_closed", time);
            }
            boolean open = holiday.get().openHours().stream().anyMatch(r -> r.contains(minute));
            return open && schedule.teamNumber() != null ? new Decision(RoutingStatus.TRANSFERRED_TO_TEAM, "holiday_hours", time)
                    : new Decision(RoutingStatus.DIRECT_TO_AGENT, "holiday_outside_hours", time);
        }
        if (schedule.weekly().isEmpty() || schedule.teamNumber() == null) {
            return new Decision(RoutingStatus.DIRECT_TO_AGENT, "no_schedule", time);
        }
        DayOfWeek day = local.getDayOfWeek();
        boolean open = schedule.weekly().stream().anyMatch(w -> w.day() == day && w.range().contains(minute));
        return open ? new Decision(RoutingStatus.TRANSFERRED_TO_TEAM, "inside_hours", time)
                : new Decision(RoutingStatus.DIRECT_TO_AGENT, "outside_hours", time);
    }

    /**
     * What Bean Validation cannot see: start before end, no overlapping hours within a day, real and unique holiday
     * dates, closed xor hours, and a team number wherever there are hours to transfer in. Field paths name each item.
     */
    public static List<Problem.FieldError> problems(RoutingSchedule schedule) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<WeeklyHours> weekly = schedule.weekly();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < weekly.size(); i++) {
                if (weekly.get(i).day() == day) {
                    indexes.add(i);
                }
            }
            ranges(indexes, i -> weekly.get(i).range(), i -> "weeklyHours[" + i + "]", errors);
        }
        Set<String> dates = new HashSet<>();
        boolean holidayHours = false;
        List<Holiday> holidays = schedule.holidayList();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String path = "holidays[" + i + "]";
            try {
                LocalDate.parse(h.date());
            } catch (DateTimeException e) {
                errors.add(new Problem.FieldError(path + ".date", "is not a date"));
            }
            if (!dates.add(h.date())) {
                errors.add(new Problem.FieldError(path + ".date", "is listed twice"));
            }
            List<TimeRange> hours = h.hours() == null ? List.of() : h.hours();
            if (h.closed() && !hours.isEmpty()) {
                errors.add(new Problem.FieldError(path + ".hours", "must be empty when the day is closed"));
            } else if (!h.closed() && hours.isEmpty()) {
                errors.add(new Problem.FieldError(path + ".hours", "must list the open hours when the day is not closed"));
            }
            holidayHours |= !h.closed() && !hours.isEmpty();
            List<Integer> indexes = new ArrayList<>();
            for (int j = 0; j < hours.size(); j++) {
                indexes.add(j);
            }
            ranges(indexes, hours::get, j -> path + ".hours[" + j + "]", errors);
        }
        if ((!weekly.isEmpty() || holidayHours) && (schedule.teamNumber() == null || schedule.teamNumber().isBlank())) {
            errors.add(new Problem.FieldError("teamNumber", "is required when business hours are set"));
        }
        return errors;
    }

    /** The ranges of one day: each start before its end, none overlapping another (touching is fine). */
    private static void ranges(List<Integer> indexes, IntFunction<TimeRange> range, IntFunction<String> path,
            List<Problem.FieldError> errors) {
        List<Integer> valid = new ArrayList<>();
        for (int i : indexes) {
            if (range.apply(i).startMinute() >= range.apply(i).endMinute()) {
                errors.add(new Problem.FieldError(path.apply(i) + ".end", "must be after start"));
            } else {
                valid.add(i);
            }
        }
        valid.sort(Comparator.comparingInt(i -> range.apply(i).startMinute()));
        for (int k = 1; k < valid.size(); k++) {
            int previous = valid.get(k - 1);
            int current = valid.get(k);
            if (range.apply(current).startMinute() < range.apply(previous).endMinute()) {
                errors.add(new Problem.FieldError(path.apply(current) + ".start", "overlaps " + path.apply(previous)));
            }
        }
    }
}
