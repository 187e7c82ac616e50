package io.switchboard.calls.webhook;

import java.util.UUID;

/**
 * What became of a verified delivery, for the HTTP answer and the delivery log.
 *
 * @param providerEventType the provider's own event name (e.g. end-of-call-report, call_ended, a Twilio
 *                          CallStatus), null if unreadable
 * @param callId            the call the delivery applied to, null if none
 * @param detail            why it was malformed or ignored (for the log and the 400 problem), null otherwise
 * @param responseContentType / responseBody what to answer the provider with when it expects content (Twilio
 *                          TwiML); null for an empty answer
 */
public record ProcessingResult(
        Outcome outcome,
        String providerEventType,
        UUID callId,
        String detail,
        String responseContentType,
        String responseBody) {

    public enum Outcome {
        /** applied to a call (200) */
        ACCEPTED,
        /** the same provider event was applied before; nothing changed (200) */
        DUPLICATE,
        /** a readable event type the call model does not use; logged (202) */
        IGNORED,
        /** unreadable body or missing required fields (400 problem+json) */
        MALFORMED
    }
}
