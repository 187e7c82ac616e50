package io.switchboard.campaigns.campaign;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the API returns for a campaign; entities never leave the service. Window times are "HH:mm". */
public record CampaignView(
        UUID id,
        String name,
        CampaignStatus status,
        UUID agentId,
        String callingWindowStart,
        String callingWindowEnd,
        Integer maxConcurrentCalls,
        int maxAttempts,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.id, campaign.name, campaign.status, campaign.agentId,
                hhmm(campaign.callingWindowStart), hhmm(campaign.callingWindowEnd), campaign.maxConcurrentCalls,
                campaign.maxAttempts, campaign.createdAt, campaign.updatedAt);
    }

    private static String hhmm(LocalTime time) {
        return time == null ? null : CreateCampaignRequest.HH_MM.format(time);
    }
}
