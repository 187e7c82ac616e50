package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A call reached a terminal status; carries what billing, retries and KPIs need. {@code phone} is the remote
 * party's E.164 number (the callee of an outbound call, the caller of an inbound one); a {@code dnc}
 * disposition puts it on the tenant's internal do-not-call list.
 */
public record CallCompletedV1(
        String callId,
        String status,
        String disposition,
        long durationSeconds,
        String agentId,
        String campaignId,
        String contactId,
        Instant endedAt,
        String phone) implements EventPayload {

    /** For a publisher that does not know the remote party's number (events written before {@code phone} existed read the same way). */
    public CallCompletedV1(String callId, String status, String disposition, long durationSeconds, String agentId,
            String campaignId, String contactId, Instant endedAt) {
        this(callId, status, disposition, durationSeconds, agentId, campaignId, contactId, endedAt, null);
    }

    @Override
    public String aggregateId() {
        return callId;
    }
}
