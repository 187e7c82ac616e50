package io.switchboard.contacts.followup;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reminder to get back to a contact (V8__follow_ups_and_meetings.sql). */
@Entity
@Table(name = "follow_up")
public class FollowUp {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    public String remark;

    @Column(nullable = false)
    public boolean completed;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
