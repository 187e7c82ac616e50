package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a call's timeline; {@link #normalized} is what the call's state is folded from. */
@Entity
@Table(name = "call_event")
public class CallEvent {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "call_id", nullable = false, updatable = false)
    public UUID callId;

    @Column(name = "event_sequence", nullable = false, updatable = false)
    public int eventSequence;

    @Column(nullable = false)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> details;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String normalized;

    @JdbcTypeCode(SqlTypes.JSON)
    public String raw;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
