package io.switchboard.calls.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One webhook delivery to a known connection: what became of it, never its body. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "connection_id", nullable = false)
    public UUID connectionId;

    @Column(nullable = false)
    public String provider;

    @Column(name = "event_type")
    public String eventType;

    @Column(nullable = false)
    public String result;

    public String detail;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "processing_ms", nullable = false)
    public int processingMs;

    @Column(name = "http_status", nullable = false)
    public int httpStatus;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
