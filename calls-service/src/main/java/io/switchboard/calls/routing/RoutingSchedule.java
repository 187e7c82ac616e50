package io.switchboard.calls.routing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.phone.InternationalPhone;

/**
 * A number's routing schedule (PUT body and, with the number's zone, what GET answers): inside business hours
 * an inbound call is transferred to the team number, outside them it goes straight to the agent.
 */
@Schema(name = "RoutingSchedule", example = RoutingSchedule.EXAMPLE)
public record RoutingSchedule(
        @Schema(description = "E.164 the call is transferred to inside business hours; required when any hours are set",
                example = "+14155550100") @Size(max = 32) @InternationalPhone String teamNumber,
        @Schema(description = "seconds the team rings before the call falls back to the agent; default 20")
        @Min(5) @Max(120) Integer ringTimeoutSeconds,
        @Size(max = 70) List<@Valid @NotNull WeeklyHours> weeklyHours,
        @Size(max = 366) List<@Valid @NotNull Holiday> holidays) {

    static final String EXAMPLE = """
            {"teamNumber": "+14155550100", "ringTimeoutSeconds": 20,
             "weeklyHours": [{"day": "MONDAY", "start": "09:00", "end": "12:00"}, {"day": "MONDAY", "start": "13:00", "end": "17:00"},
                             {"day": "TUESDAY", "start": "09:00", "end": "17:00"}],
             "holidays": [{"date": "2026-12-25", "closed": true},
                          {"date": "2026-12-24", "closed": false, "hours": [{"start": "09:00", "end": "12:00"}]}]}""";

    static final int DEFAULT_RING_TIMEOUT = 20;

    /** No hours at all: every call goes straight to the agent. */
    static RoutingSchedule none() {
        return new RoutingSchedule(null, DEFAULT_RING_TIMEOUT, List.of(), List.of());
    }

    List<WeeklyHours> weekly() {
        return weeklyHours == null ? List.of() : weeklyHours;
    }

    List<Holiday> holidayList() {
        return holidays == null ? List.of() : holidays;
    }

    int ringTimeout() {
        return ringTimeoutSeconds == null ? DEFAULT_RING_TIMEOUT : ringTimeoutSeconds;
    }
}
