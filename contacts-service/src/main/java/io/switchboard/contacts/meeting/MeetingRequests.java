package io.switchboard.contacts.meeting;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.IanaTimeZone;
import io.switchboard.platform.time.StorableTime;

/** Request bodies of the meeting endpoints. */
public final class MeetingRequests {

    private MeetingRequests() {
    }

    /** A new meeting is scheduled; duration defaults to 30 minutes, the time zone to UTC. */
    @Schema(name = "CreateMeetingRequest", example = """
            {"startsAt":"2026-11-26T15:00:00Z","durationMinutes":45,"title":"Renewal walkthrough",
             "description":"Go through the March renewal options","location":"https://meet.example.com/abc-defg",
             "attendeeEmail":"ada@example.com","timeZone":"Europe/London","callId":"7c9e6679-7425-40de-944b-e07fc1f90ae7"}""")
    public record Create(
            @NotNull @StorableTime OffsetDateTime startsAt,
            @Min(1) @Max(1440) Integer durationMinutes,
            @NotBlank @Size(max = 500) String title,
            @Size(max = 5000) String description,
            @Size(max = 500) String location,
            @Email @Size(max = 320) String attendeeEmail,
            @Size(max = 64) @IanaTimeZone String timeZone,
            @Schema(description = "the call that booked it") UUID callId) {
    }

    /**
     * Absent (or null) fields stay as they are. A new {@code startsAt} on a pending meeting makes it
     * rescheduled; {@code status} moves along {@link MeetingStatus}'s transitions (409 otherwise).
     */
    @Schema(name = "UpdateMeetingRequest", example = """
            {"status":"completed"}""")
    public record Update(
            @StorableTime OffsetDateTime startsAt,
            @Min(1) @Max(1440) Integer durationMinutes,
            @Size(min = 1, max = 500) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
            @Size(max = 5000) String description,
            @Size(max = 500) String location,
            @Email @Size(max = 320) String attendeeEmail,
            @Size(max = 64) @IanaTimeZone String timeZone,
            @Pattern(regexp = MeetingStatus.VALUES, message = "must be one of scheduled, completed, cancelled, rescheduled")
            @Schema(enumeration = { "scheduled", "completed", "cancelled", "rescheduled" }) String status,
            UUID callId) {
    }
}
