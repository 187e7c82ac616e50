package io.switchboard.campaigns.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the API returns for a campaign; entities never leave the service. Window times are "HH:mm". */
public record CampaignView(
        UUID id,
        String name,
        CampaignStatus status,
        UUID agentId,
        String nextAction,
        String callingWindowStart,
        String callingWindowEnd,
        List<Integer> allowedWeekdays,
        LocalDate startDate,
        LocalDate endDate,
        String timeZonePolicy,
        String timeZone,
        String defaultRegion,
        Integer maxConcurrentCalls,
        int maxRetries,
        CreateCampaignRequest.RetryMinutes retryMinutes,
        int priority,
        List<UUID> dncListIds,
        boolean requireVoiceConsent,
        HookView preDialHook,
        Counters counters,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The hook without its secret: only whether one is set. */
    public record HookView(String url, boolean secretSet, int timeoutMs, boolean failOpen) {
    }

    /** Kept from call events (docs/campaigns.md "Outcomes"); {@code skipped} counts the dispatcher's postponements. */
    public record Counters(int dialed, int completed, int busy, int noAnswer, int voicemail, int failed, int dnc,
            int expired, int callbacks, int skipped) {
    }

    static CampaignView of(Campaign c) {
        HookView hook = c.preDialHookUrl == null ? null
                : new HookView(c.preDialHookUrl, c.preDialHookSecret != null, c.preDialHookTimeoutMs, c.preDialHookFailOpen);
        return new CampaignView(c.id, c.name, c.status, c.agentId, c.nextAction,
                CreateCampaignRequest.hhmm(c.callingWindowStart), CreateCampaignRequest.hhmm(c.callingWindowEnd),
                List.copyOf(c.allowedWeekdays), c.startDate, c.endDate, c.timeZonePolicy, c.timeZone, c.defaultRegion,
                c.maxConcurrentCalls, c.maxRetries,
                new CreateCampaignRequest.RetryMinutes(c.retryBusyMinutes, c.retryNoAnswerMinutes, c.retryVoicemailMinutes,
                        c.retryFailedMinutes),
                c.priority, List.copyOf(c.dncListIds), c.requireVoiceConsent, hook,
                new Counters(c.dialedCount, c.completedCount, c.busyCount, c.noAnswerCount, c.voicemailCount, c.failedCount,
                        c.dncCount, c.expiredCount, c.callbackCount, c.skippedCount),
                c.startedAt, c.completedAt, c.createdAt, c.updatedAt);
    }
}
