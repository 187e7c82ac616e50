package io.switchboard.campaigns.campaign;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public CampaignStatus status;

    @Column(name = "agent_id")
    public UUID agentId;

    /** Recipient-local time; dial-time checks apply it in the contact's (else the number's) time zone. */
    @Column(name = "calling_window_start")
    public LocalTime callingWindowStart;

    @Column(name = "calling_window_end")
    public LocalTime callingWindowEnd;

    @Column(name = "max_concurrent_calls")
    public Integer maxConcurrentCalls;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
