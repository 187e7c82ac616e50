package io.switchboard.events.call;

import java.math.BigDecimal;
import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A call that had already completed ({@code call.completed} was published) got a different duration or cost: the
 * provider's final figures (VAPI end-of-call-report, Retell call_analyzed, ElevenLabs post_call_transcription, a late
 * Twilio status callback, Bolna) arrived after its first terminal status. Published in the transaction that changed
 * the call, keyed by call id on the topic of {@code call.completed}, so it always follows the call's completion.
 *
 * <p>It carries the call's new totals and the totals consumers saw last (those of {@code call.completed}, or of the
 * previous correction): a consumer either stores its per-call figure and applies the difference to the new totals
 * (idempotent whatever it receives twice; what Switchboard's own consumers do), or applies
 * {@code durationSeconds - previousDurationSeconds}.
 *
 * @param status                  the call's terminal status now
 * @param durationSeconds         the call's duration now (0 when unknown)
 * @param cost                    what the provider charged now, in USD; null when unknown
 * @param previousDurationSeconds the duration consumers were told last
 * @param previousCost            the cost consumers were told last; null when it was unknown
 * @param endedAt                 when the call ended (as in {@code call.completed}, possibly refined by the provider)
 * @param phone                   the remote party's E.164 number
 * @param changedAt               when Switchboard applied the change
 */
public record CallUsageChangedV1(
        String callId,
        String status,
        long durationSeconds,
        BigDecimal cost,
        long previousDurationSeconds,
        BigDecimal previousCost,
        String agentId,
        String campaignId,
        String contactId,
        String provider,
        String providerCallId,
        Instant endedAt,
        String phone,
        Instant changedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
