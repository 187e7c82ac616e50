package io.switchboard.calls.note;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's note on a call (table {@code call_note}, V10). */
@Entity
@Table(name = "call_note")
public class CallNote {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "call_id", nullable = false, updatable = false)
    public UUID callId;

    @Column(nullable = false)
    public String text;

    @Column(name = "appointment_at")
    public OffsetDateTime appointmentAt;

    @Column(nullable = false, updatable = false)
    public String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
