package io.switchboard.campaigns.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Retries after the first attempt, 0–5 (V3); replaced maxAttempts (dropped in V4). */
    @Column(name = "max_retries", nullable = false)
    public int maxRetries = 2;

    /** The goal handed to the agent (seed 003's next_action). */
    @Column(name = "next_action")
    public String nextAction;

    /** ISO weekdays (1 = Monday … 7 = Sunday) on which the recipient's local date may be dialed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_weekdays", nullable = false)
    public List<Integer> allowedWeekdays = new ArrayList<>(List.of(1, 2, 3, 4, 5));

    /** Read in {@link #timeZone} (UTC when null). */
    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** {@code recipient} (default: the window in each recipient's zones) or {@code campaign} (in {@link #timeZone}). */
    @Column(name = "time_zone_policy", nullable = false)
    public String timeZonePolicy = "recipient";

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "retry_busy_minutes", nullable = false)
    public int retryBusyMinutes = 30;

    @Column(name = "retry_no_answer_minutes", nullable = false)
    public int retryNoAnswerMinutes = 120;

    @Column(name = "retry_voicemail_minutes", nullable = false)
    public int retryVoicemailMinutes = 240;

    @Column(name = "retry_failed_minutes", nullable = false)
    public int retryFailedMinutes = 60;

    /** 1–10; the share of the tenant's slots among its active campaigns. */
    @Column(nullable = false)
    public int priority = 5;

    /** Named do-not-call lists (contacts-service ids) checked on top of the tenant's internal list. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dnc_list_ids", nullable = false)
    public List<UUID> dncListIds = new ArrayList<>();

    @Column(name = "require_voice_consent", nullable = false)
    public boolean requireVoiceConsent;

    @Column(name = "pre_dial_hook_url")
    public String preDialHookUrl;

    @Column(name = "pre_dial_hook_secret")
    public String preDialHookSecret;

    @Column(name = "pre_dial_hook_timeout_ms", nullable = false)
    public int preDialHookTimeoutMs = 5000;

    @Column(name = "pre_dial_hook_fail_open", nullable = false)
    public boolean preDialHookFailOpen;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** ISO 3166-1 alpha-2 region national numbers in uploads are read in (V4); null: international numbers only. */
    @Column(name = "default_region")
    public String defaultRegion;

    // counters kept from call events (V4); updated by atomic SQL increments (CampaignCounters), read-only here
    @Column(name = "dialed_count", nullable = false, insertable = false, updatable = false)
    public int dialedCount;
    @Column(name = "completed_count", nullable = false, insertable = false, updatable = false)
    public int completedCount;
    @Column(name = "busy_count", nullable = false, insertable = false, updatable = false)
    public int busyCount;
    @Column(name = "no_answer_count", nullable = false, insertable = false, updatable = false)
    public int noAnswerCount;
    @Column(name = "voicemail_count", nullable = false, insertable = false, updatable = false)
    public int voicemailCount;
    @Column(name = "failed_count", nullable = false, insertable = false, updatable = false)
    public int failedCount;
    @Column(name = "dnc_count", nullable = false, insertable = false, updatable = false)
    public int dncCount;
    @Column(name = "expired_count", nullable = false, insertable = false, updatable = false)
    public int expiredCount;
    @Column(name = "callback_count", nullable = false, insertable = false, updatable = false)
    public int callbackCount;
    @Column(name = "skipped_count", nullable = false, insertable = false, updatable = false)
    public int skippedCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
