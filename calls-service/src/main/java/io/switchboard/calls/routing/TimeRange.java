package io.switchboard.calls.routing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Local opening hours of one day, start inclusive, end exclusive; {@code 24:00} ends at midnight. */
@Schema(name = "RoutingTimeRange", example = "{\"start\": \"09:00\", \"end\": \"17:00\"}")
public record TimeRange(
        @NotNull @Pattern(regexp = TimeRange.HH_MM, message = "must be a local time HH:mm (00:00..24:00)") String start,
        @NotNull @Pattern(regexp = TimeRange.HH_MM, message = "must be a local time HH:mm (00:00..24:00)") String end) {

    static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00";

    /** Minutes since local midnight (0..1440). */
    static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    int startMinute() {
        return minutes(start);
    }

    int endMinute() {
        return minutes(end);
    }

    boolean contains(int minuteOfDay) {
        return startMinute() <= minuteOfDay && minuteOfDay < endMinute();
    }
}
