package io.switchboard.calls.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One provider webhook whose authenticity has been verified against its connection's secret: the seam between
 * the HTTP side (connections, signatures, delivery log) and the call model ({@link DeliveryProcessor}).
 *
 * @param provider    twilio|vapi|retell|elevenlabs|bolna
 * @param subpath     what follows {@code /webhooks/{provider}/{connectionId}}: "" for most providers, "voice" or
 *                    "status" for Twilio
 * @param contentType the request's media type (Twilio posts form-encoded, the others JSON)
 * @param body        the raw body, exactly as received and verified
 * @param headers     request headers, lower-case names (signature headers included)
 */
public record VerifiedDelivery(
        UUID tenantId,
        UUID connectionId,
        String provider,
        String subpath,
        String contentType,
        byte[] body,
        Map<String, String> headers,
        Instant receivedAt) {
}
