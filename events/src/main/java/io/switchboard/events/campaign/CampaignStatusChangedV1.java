package io.switchboard.events.campaign;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A campaign moved along its lifecycle ({@code draft → scheduled → active ⇄ paused → completed | cancelled}).
 *
 * @param reason what moved it: {@code launch}, {@code pause}, {@code resume}, {@code cancel} (API calls),
 *               {@code start_date}, {@code end_date} or {@code exhausted} (the campaign scheduler)
 */
public record CampaignStatusChangedV1(
        String campaignId,
        String previousStatus,
        String status,
        String reason,
        Instant changedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return campaignId;
    }
}
