package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "call")
public class Call {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public CallDirection direction;

    @Column(nullable = false)
    public CallStatus status;

    @Column(name = "from_number")
    public String fromNumber;

    @Column(name = "to_number", nullable = false)
    public String toNumber;

    @Column(name = "agent_id")
    public UUID agentId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
