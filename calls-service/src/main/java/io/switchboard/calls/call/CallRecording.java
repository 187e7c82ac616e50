package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "call_recording")
public class CallRecording {

    @Id
    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String url;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
