package io.switchboard.campaigns.queue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One number to dial (table {@code call_queue}, V3): a campaign recipient or a direct call. campaign code enqueues
 * and applies outcomes; the dispatcher claims due rows with a lease and publishes {@code dial.requested}.
 */
@Entity
@Table(name = "call_queue")
public class CallQueueItem {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String BUSY = "busy";
    public static final String NO_ANSWER = "no_answer";

    public static final String CAMPAIGN = "campaign";
    public static final String DIRECT = "direct";

    public static final String FRESH = "fresh";
    public static final String RETRY = "retry";
    public static final String CALLBACK = "callback";

    /**
     * Row priorities (higher first within a tenant; the dispatcher puts direct calls first whatever the number):
     * a callback the recipient asked for goes ahead of fresh leads and retries.
     */
    public static final int PRIORITY_FRESH = 0;
    public static final int PRIORITY_RETRY = 0;
    public static final int PRIORITY_CALLBACK = 100;
    public static final int PRIORITY_DIRECT = 1000;

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    /** Null for a direct call. */
    @Column(name = "campaign_id", updatable = false)
    public UUID campaignId;

    /** {@code campaign} or {@code direct}. */
    @Column(name = "call_type", nullable = false, updatable = false)
    public String callType;

    /** {@code fresh}, {@code retry} or {@code callback} (callbacks go ahead of fresh leads). */
    @Column(nullable = false)
    public String kind = "fresh";

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    /** E.164. */
    @Column(nullable = false)
    public String phone;

    /** The recipient's candidate IANA zones; the window must be open in all of them. Never empty. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "time_zones", nullable = false)
    public List<String> timeZones = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> variables = new LinkedHashMap<>();

    /** pending, processing, completed, failed, cancelled, busy, no_answer (see V3). */
    @Column(nullable = false)
    public String status = "pending";

    @Column(nullable = false)
    public int priority;

    @Column(name = "scheduled_for", nullable = false)
    public OffsetDateTime scheduledFor;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "max_retries", nullable = false)
    public int maxRetries;

    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;

    @Column(name = "last_outcome")
    public String lastOutcome;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public OffsetDateTime leaseExpiresAt;

    @Column(name = "last_skip_reason")
    public String lastSkipReason;

    /** {@code <id>:<attempt>} of the current attempt. */
    @Column(name = "dial_request_id")
    public String dialRequestId;

    @Column(name = "call_id")
    public UUID callId;

    /** Dial requests answered dial.expired (V4): never dialed, so dials used = attempts - expirations. */
    @Column(nullable = false)
    public int expirations;

    /** A callback asked for while the call was live (V4), applied with the call's outcome. */
    @Column(name = "callback_at")
    public OffsetDateTime callbackAt;

    /** The audience upload that added the row (V4). */
    @Column(name = "upload_id", updatable = false)
    public UUID uploadId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
