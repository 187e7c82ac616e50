package io.switchboard.events.dial;

import java.time.Instant;
import java.util.Map;

import io.switchboard.events.EventPayload;

/**
 * campaigns-service decided that a queue item may be dialed now; calls-service places the call through the agent's
 * provider connection and answers with {@code call.initiated} or {@code call.failed} carrying {@link #dialRequestId},
 * or with {@code dial.expired} when the request reaches it after {@link #notAfter}. Keyed by the queue item, so the
 * attempts of one item stay in order.
 *
 * @param dialRequestId the idempotency key, {@code <queueItemId>:<attempt>}: one live call at most per value, however
 *                      often the request is redelivered or its lease reclaimed
 * @param callType      {@code campaign} or {@code direct}
 * @param campaignId    null for a direct call
 * @param agentId       the calls-service agent that talks (its connection and provider agent id place the call)
 * @param toNumber      the recipient, E.164
 * @param fromNumber    the caller id to present, E.164; null means the number assigned to the agent
 * @param variables     per-recipient dynamic variables handed to the agent (may be empty, never null)
 * @param notAfter      the latest moment the call may be placed; never past the end of the calling window
 */
public record DialRequestedV1(
        String dialRequestId,
        String queueItemId,
        int attempt,
        String callType,
        String campaignId,
        String contactId,
        String agentId,
        String toNumber,
        String fromNumber,
        Map<String, String> variables,
        Instant notAfter,
        Instant requestedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return queueItemId;
    }
}
