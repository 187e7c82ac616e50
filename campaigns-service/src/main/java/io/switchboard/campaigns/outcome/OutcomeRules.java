package io.switchboard.campaigns.outcome;

import java.time.OffsetDateTime;

import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.campaigns.queue.CallQueueItem;

/**
 * What an outcome does to its queue row (pure: no I/O). The dispatcher increments {@code attempts} at each claim; a
 * dial request answered dial.expired was never dialed and adds to {@code expirations}, so the dials a row has used
 * are {@code attempts - expirations}, and a retry follows while that is at most {@code maxRetries}.
 */
public final class OutcomeRules {

    private OutcomeRules() {
    }

    /** The row's next state: back to pending (retry or callback) or a final status. */
    public record Next(String status, String kind, OffsetDateTime scheduledFor, Integer priority) {
        public boolean pending() {
            return CallQueueItem.PENDING.equals(status);
        }
    }

    /**
     * @param campaign null for a direct call (no retries: a direct call is dialed once)
     * @param callbackAt a callback the recipient asked for during this call, or null
     */
    public static Next after(Outcome outcome, int attempts, int expirations, int maxRetries, Campaign campaign,
            OffsetDateTime callbackAt, OffsetDateTime now) {
        if (outcome == Outcome.DNC) {
            return new Next(outcome.finalStatus, null, null, null);
        }
        if (callbackAt != null && callbackAt.isAfter(now)) {
            return new Next(CallQueueItem.PENDING, CallQueueItem.CALLBACK, callbackAt, CallQueueItem.PRIORITY_CALLBACK);
        }
        if (campaign != null && outcome.retryable() && attempts - expirations <= maxRetries) {
            return new Next(CallQueueItem.PENDING, CallQueueItem.RETRY, now.plusMinutes(outcome.retryMinutes(campaign)),
                    CallQueueItem.PRIORITY_RETRY);
        }
        return new Next(outcome.finalStatus, null, null, null);
    }
}
