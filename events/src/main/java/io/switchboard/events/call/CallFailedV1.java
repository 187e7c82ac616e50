package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * An outbound call could not be placed: the provider refused it or never accepted it, or the dial request named
 * an agent or connection that cannot dial. No live call exists. Answers a {@code dial.requested}.
 *
 * @param reason machine-readable: {@code provider_rejected}, {@code provider_unavailable}, {@code unknown_agent},
 *               {@code agent_disabled}, {@code connection_disabled}, {@code invalid_number}, {@code outcome_unknown}
 * @param detail human-readable, no secrets and no personal data beyond the numbers
 */
public record CallFailedV1(
        String callId,
        String dialRequestId,
        String campaignId,
        String contactId,
        String agentId,
        String provider,
        String connectionId,
        String toNumber,
        String reason,
        String detail,
        Instant failedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
