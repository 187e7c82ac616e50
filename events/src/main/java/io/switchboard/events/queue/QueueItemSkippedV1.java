package io.switchboard.events.queue;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * The dispatcher looked at a due queue item and did not dial it: a dial-time check failed (outside the recipient's
 * window, DNC, opt-out, consent, attempt cap, credits, a replica behind, the pre-dial hook said no, …) or its dial
 * request expired. The item is never dropped: it waits, {@code pending}, until {@link #nextAttemptAt}. Keyed by the
 * queue item, on the topic of its dial requests.
 *
 * @param reason machine-readable skip reason (campaigns-service docs/dispatcher.md lists them)
 */
public record QueueItemSkippedV1(
        String queueItemId,
        String callType,
        String campaignId,
        int attempt,
        String reason,
        Instant nextAttemptAt,
        Instant skippedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return queueItemId;
    }
}
