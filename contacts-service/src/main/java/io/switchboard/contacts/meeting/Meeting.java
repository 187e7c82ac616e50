package io.switchboard.contacts.meeting;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A calendar meeting with a contact (V8__follow_ups_and_meetings.sql). */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(nullable = false)
    public String title;

    public String description;

    public String location;

    @Column(name = "attendee_email")
    public String attendeeEmail;

    /** {@link MeetingStatus#value()}. */
    @Column(nullable = false)
    public String status;

    /** IANA id the meeting is shown in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
