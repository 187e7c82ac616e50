package io.switchboard.calls.routing;

import java.time.DayOfWeek;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One business-hours rule: on this day of the week, from start to end in the number's zone. Several per day allowed. */
@Schema(name = "RoutingWeeklyHours", example = "{\"day\": \"MONDAY\", \"start\": \"09:00\", \"end\": \"17:00\"}")
public record WeeklyHours(
        @Schema(example = "MONDAY") @NotNull DayOfWeek day,
        @NotNull @Pattern(regexp = TimeRange.HH_MM, message = "must be a local time HH:mm (00:00..24:00)") String start,
        @NotNull @Pattern(regexp = TimeRange.HH_MM, message = "must be a local time HH:mm (00:00..24:00)") String end) {

    TimeRange range() {
        return new TimeRange(start, end);
    }
}
