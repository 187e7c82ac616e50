package io.switchboard.events.campaign;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A campaign ended: nothing was left pending or processing ({@code exhausted}), or its end date passed
 * ({@code end_date}: the rows still pending were cancelled). Carries the counters kept from call events.
 */
public record CampaignCompletedV1(
        String campaignId,
        String reason,
        Instant startedAt,
        Instant completedAt,
        int dialed,
        int completed,
        int busy,
        int noAnswer,
        int voicemail,
        int failed,
        int dnc) implements EventPayload {

    @Override
    public String aggregateId() {
        return campaignId;
    }
}
