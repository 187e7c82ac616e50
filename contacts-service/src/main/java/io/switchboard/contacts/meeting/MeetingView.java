package io.switchboard.contacts.meeting;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Meeting", example = """
        {"id":"6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c","contactId":"0b6e2a4c-1d3f-4a5b-8c7d-9e0f1a2b3c4d",
         "callId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","startsAt":"2026-11-26T15:00:00Z","durationMinutes":45,
         "title":"Renewal walkthrough","description":"Go through the March renewal options",
         "location":"https://meet.example.com/abc-defg","attendeeEmail":"ada@example.com","status":"scheduled",
         "timeZone":"Europe/London","createdAt":"2026-11-21T15:10:00Z","updatedAt":"2026-11-21T15:10:00Z"}""")
public record MeetingView(
        UUID id,
        UUID contactId,
        UUID callId,
        OffsetDateTime startsAt,
        int durationMinutes,
        String title,
        String description,
        String location,
        String attendeeEmail,
        @Schema(enumeration = { "scheduled", "completed", "cancelled", "rescheduled" }) String status,
        String timeZone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static MeetingView of(Meeting m) {
        return new MeetingView(m.id, m.contactId, m.callId, m.startsAt, m.durationMinutes, m.title, m.description, m.location,
                m.attendeeEmail, m.status, m.timeZone, m.createdAt, m.updatedAt);
    }
}
