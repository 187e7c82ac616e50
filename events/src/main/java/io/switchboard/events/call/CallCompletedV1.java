package io.switchboard.events.call;

import java.math.BigDecimal;
import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A call reached a terminal status; carries what billing, retries and KPIs need. Components after
 * {@code endedAt} were added later (additive: older producers leave them null).
 *
 * @param phone          the remote party's E.164 number (the callee of an outbound call, the caller of an inbound
 *                       one); a {@code dnc} disposition puts it on the tenant's internal do-not-call list
 * @param flags          the disposition's ViciDial-style flags; null when there is no disposition yet
 * @param cost           what the provider charged, in USD
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
        String phone,
        CallFlagsV1 flags,
        BigDecimal cost,
        String provider,
        String providerCallId,
        String endedReason) implements EventPayload {

    /** The original (v1) components and the remote party's number. */
    public CallCompletedV1(String callId, String status, String disposition, long durationSeconds, String agentId,
            String campaignId, String contactId, Instant endedAt, String phone) {
        this(callId, status, disposition, durationSeconds, agentId, campaignId, contactId, endedAt, phone, null, null,
                null, null, null);
    }

    /** The original (v1) components only. */
    public CallCompletedV1(String callId, String status, String disposition, long durationSeconds, String agentId,
            String campaignId, String contactId, Instant endedAt) {
        this(callId, status, disposition, durationSeconds, agentId, campaignId, contactId, endedAt, null, null, null,
                null, null, null);
    }

    @Override
    public String aggregateId() {
        return callId;
    }
}
