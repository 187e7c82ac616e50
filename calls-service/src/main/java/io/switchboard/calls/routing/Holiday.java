package io.switchboard.calls.routing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A date whose weekly hours do not apply: closed all day, or open only during its own hours. */
@Schema(name = "RoutingHoliday", example = "{\"date\": \"2026-12-24\", \"closed\": false, \"hours\": [{\"start\": \"09:00\", \"end\": \"12:00\"}]}")
public record Holiday(
        @Schema(description = "local date in the number's zone", example = "2026-12-25")
        @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "must be a date YYYY-MM-DD") String date,
        @Schema(description = "true: closed all day (hours must be empty); false: open during hours only") boolean closed,
        @Size(max = 10) List<@Valid @NotNull TimeRange> hours) {

    List<TimeRange> openHours() {
        return closed || hours == null ? List.of() : hours;
    }
}
