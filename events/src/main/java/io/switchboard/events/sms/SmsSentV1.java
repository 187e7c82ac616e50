package io.switchboard.events.sms;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * The post-call SMS of a call was accepted by the provider (Twilio); {@code status} is the provider's first status
 * (queued, sent …). At most one per call. Keyed by call id, so it follows the call's own events.
 */
public record SmsSentV1(
        String smsId,
        String callId,
        String agentId,
        String templateId,
        String toNumber,
        String providerSid,
        String status,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
