package io.switchboard.events.campaign;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A campaign was created (in status {@code draft}). */
public record CampaignCreatedV1(
        String campaignId,
        String name,
        String status,
        String agentId,
        Instant createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return campaignId;
    }
}
