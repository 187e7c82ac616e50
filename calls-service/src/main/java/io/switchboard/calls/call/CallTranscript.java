package io.switchboard.calls.call;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.switchboard.calls.webhook.TranscriptTurn;

@Entity
@Table(name = "call_transcript")
public class CallTranscript {

    @Id
    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<TranscriptTurn> turns;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    public String language;

    public BigDecimal confidence;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
