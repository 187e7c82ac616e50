package io.switchboard.campaigns.dispatch;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A decision record as the API shows it. */
public record DecisionView(UUID id, UUID queueItemId, UUID campaignId, int attempt, String outcome, String skipReason,
        String dialRequestId, UUID callId, OffsetDateTime notAfter, OffsetDateTime nextAttemptAt, String leaseOwner,
        Map<String, Object> detail, OffsetDateTime decidedAt) {

    static DecisionView of(DialDecision d) {
        return new DecisionView(d.id, d.queueItemId, d.campaignId, d.attempt, d.outcome, d.skipReason, d.dialRequestId,
                d.callId, d.notAfter, d.nextAttemptAt, d.leaseOwner, d.detail, d.decidedAt);
    }
}
