package io.switchboard.campaigns.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.IanaTimeZone;
import io.switchboard.platform.time.StorableTime;

/**
 * A campaign's settings: the body of a create, and what a PATCH (JSON merge patch) is applied to. Absent (null)
 * values take the defaults listed in docs/campaigns.md. The calling window is "HH:mm" to "HH:mm" on the same day,
 * read in the recipient's local time (or the campaign's zone when {@code timeZonePolicy} is {@code campaign}).
 */
@CallingWindow
@CampaignRules
public record CreateCampaignRequest(
        @NotBlank @Size(max = 200) String name,
        UUID agentId,
        @Schema(description = "The goal handed to the agent (next action)") @Size(max = 2000) String nextAction,
        @Pattern(regexp = HH_MM_PATTERN, message = "must be a time like 09:00") String callingWindowStart,
        @Pattern(regexp = HH_MM_PATTERN, message = "must be a time like 21:00") String callingWindowEnd,
        @Schema(description = "ISO weekdays 1 (Monday) … 7 (Sunday); default Monday to Friday")
        @Size(min = 1, max = 7) List<@NotNull @Min(1) @Max(7) Integer> allowedWeekdays,
        @Schema(description = "First day of dialing, in timeZone (UTC when none); a launch before it schedules the campaign")
        @StorableTime LocalDate startDate,
        @Schema(description = "Last day of dialing; the campaign completes after it") @StorableTime LocalDate endDate,
        @Pattern(regexp = "recipient|campaign", message = "must be recipient or campaign") String timeZonePolicy,
        @IanaTimeZone String timeZone,
        @Schema(description = "ISO 3166-1 alpha-2 region national numbers in uploads are read in, e.g. US")
        String defaultRegion,
        @Min(1) @Max(1000) Integer maxConcurrentCalls,
        @Schema(description = "Retries after the first attempt, 0–5 (replaces maxAttempts); default 2")
        @Min(0) @Max(5) Integer maxRetries,
        @Valid RetryMinutes retryMinutes,
        @Schema(description = "1–10, the campaign's share of the tenant's lines; default 5") @Min(1) @Max(10) Integer priority,
        @Size(max = 50) List<@NotNull UUID> dncListIds,
        Boolean requireVoiceConsent,
        @Valid PreDialHook preDialHook,
        @Schema(hidden = true) @Null(message = "was replaced by maxRetries (retries after the first attempt, 0–5)")
        Integer maxAttempts) {

    static final String HH_MM_PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Minutes to wait before retrying after each outcome, 1–1440 each. */
    public record RetryMinutes(
            @Min(1) @Max(1440) Integer busy,
            @Min(1) @Max(1440) Integer noAnswer,
            @Min(1) @Max(1440) Integer voicemail,
            @Min(1) @Max(1440) Integer failed) {
    }

    /**
     * The tenant's endpoint asked before each dial. {@code secret} is write-only (never returned): the dispatcher
     * signs each request with it (HMAC-SHA256).
     */
    public record PreDialHook(
            @Size(max = 2000) String url,
            @Size(min = 16, max = 256) String secret,
            @Min(1000) @Max(30000) Integer timeoutMs,
            Boolean failOpen) {
    }

    /** A create with only a name, for tests and callers that take every default. */
    public static CreateCampaignRequest named(String name) {
        return new CreateCampaignRequest(name, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** The campaign's current settings, the secret included (the document a merge patch applies to; never returned). */
    static CreateCampaignRequest of(Campaign c) {
        PreDialHook hook = c.preDialHookUrl == null ? null
                : new PreDialHook(c.preDialHookUrl, c.preDialHookSecret, c.preDialHookTimeoutMs, c.preDialHookFailOpen);
        return new CreateCampaignRequest(c.name, c.agentId, c.nextAction, hhmm(c.callingWindowStart), hhmm(c.callingWindowEnd),
                List.copyOf(c.allowedWeekdays), c.startDate, c.endDate, c.timeZonePolicy, c.timeZone, c.defaultRegion,
                c.maxConcurrentCalls, c.maxRetries,
                new RetryMinutes(c.retryBusyMinutes, c.retryNoAnswerMinutes, c.retryVoicemailMinutes, c.retryFailedMinutes),
                c.priority, List.copyOf(c.dncListIds), c.requireVoiceConsent, hook, null);
    }

    /** Writes these settings to the campaign; null takes the default. Only called on validated requests. */
    void applyTo(Campaign c) {
        c.name = name.trim();
        c.agentId = agentId;
        c.nextAction = nextAction;
        c.callingWindowStart = time(callingWindowStart);
        c.callingWindowEnd = time(callingWindowEnd);
        c.allowedWeekdays = allowedWeekdays == null ? new java.util.ArrayList<>(List.of(1, 2, 3, 4, 5))
                : new java.util.ArrayList<>(allowedWeekdays.stream().distinct().sorted().toList());
        c.startDate = startDate;
        c.endDate = endDate;
        c.timeZonePolicy = timeZonePolicy == null ? "recipient" : timeZonePolicy;
        c.timeZone = timeZone;
        c.defaultRegion = defaultRegion == null ? null : defaultRegion.toUpperCase(java.util.Locale.ROOT);
        c.maxConcurrentCalls = maxConcurrentCalls;
        c.maxRetries = maxRetries == null ? 2 : maxRetries;
        RetryMinutes retry = retryMinutes == null ? new RetryMinutes(null, null, null, null) : retryMinutes;
        c.retryBusyMinutes = retry.busy() == null ? 30 : retry.busy();
        c.retryNoAnswerMinutes = retry.noAnswer() == null ? 120 : retry.noAnswer();
        c.retryVoicemailMinutes = retry.voicemail() == null ? 240 : retry.voicemail();
        c.retryFailedMinutes = retry.failed() == null ? 60 : retry.failed();
        c.priority = priority == null ? 5 : priority;
        c.dncListIds = dncListIds == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(dncListIds.stream().distinct().toList());
        c.requireVoiceConsent = Boolean.TRUE.equals(requireVoiceConsent);
        boolean hook = preDialHook != null && preDialHook.url() != null;
        c.preDialHookUrl = hook ? preDialHook.url() : null;
        c.preDialHookSecret = hook ? preDialHook.secret() : null;
        c.preDialHookTimeoutMs = hook && preDialHook.timeoutMs() != null ? preDialHook.timeoutMs() : 5000;
        c.preDialHookFailOpen = hook && Boolean.TRUE.equals(preDialHook.failOpen());
    }

    /** Null when absent; only called on validated requests. */
    static LocalTime time(String hhmm) {
        return hhmm == null ? null : LocalTime.parse(hhmm, HH_MM);
    }

    static String hhmm(LocalTime time) {
        return time == null ? null : HH_MM.format(time);
    }
}
