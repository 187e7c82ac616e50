package io.switchboard.campaigns.dispatch;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Why a queue item was dialed, re-requested or skipped at one moment (table {@code dial_decision}, V5). */
@Entity
@Table(name = "dial_decision")
public class DialDecision {

    public static final String DIALED = "dialed";
    public static final String RECLAIMED = "reclaimed";
    public static final String SKIPPED = "skipped";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "queue_item_id", nullable = false, updatable = false)
    public UUID queueItemId;

    @Column(name = "campaign_id", updatable = false)
    public UUID campaignId;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "skip_reason")
    public String skipReason;

    @Column(name = "dial_request_id")
    public String dialRequestId;

    @Column(name = "call_id")
    public UUID callId;

    @Column(nullable = false)
    public String phone;

    @Column(name = "not_after")
    public OffsetDateTime notAfter;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_owner", nullable = false)
    public String leaseOwner;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> detail = new LinkedHashMap<>();

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;
}
