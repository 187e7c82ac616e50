package io.switchboard.calls.routing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A number's routing schedule with the zone it is read in; updatedAt null while the number has none (all calls to the agent). */
@Schema(name = "RoutingScheduleView")
public record RoutingView(
        UUID phoneNumberId,
        @Schema(description = "the number's zone, where the hours apply", example = "America/New_York") String timeZone,
        String teamNumber,
        int ringTimeoutSeconds,
        List<WeeklyHours> weeklyHours,
        List<Holiday> holidays,
        OffsetDateTime updatedAt) {
}
