package io.switchboard.events.sms;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * The post-call SMS of a call could not be sent (the provider refused it or did not answer), or the provider later
 * reported it failed or undelivered. It is not retried. Keyed by call id.
 */
public record SmsFailedV1(
        String smsId,
        String callId,
        String agentId,
        String toNumber,
        String providerSid,
        String errorCode,
        String errorMessage,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
