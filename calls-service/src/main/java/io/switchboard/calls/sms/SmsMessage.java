package io.switchboard.calls.sms;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call's post-call SMS (table {@code sms_message}, V10): at most one per call. */
@Entity
@Table(name = "sms_message")
public class SmsMessage {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "call_id", nullable = false, updatable = false)
    public UUID callId;

    @Column(name = "agent_id")
    public UUID agentId;

    @Column(name = "template_id")
    public UUID templateId;

    @Column(name = "connection_id")
    public UUID connectionId;

    @Column(name = "to_number")
    public String toNumber;

    @Column(name = "from_number")
    public String fromNumber;

    public String body;

    @Column(nullable = false)
    public String status;

    @Column(name = "skip_reason")
    public String skipReason;

    @Column(name = "provider_sid")
    public String providerSid;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
