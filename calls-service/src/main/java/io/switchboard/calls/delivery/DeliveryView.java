package io.switchboard.calls.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", example = """
        {"id": "0b6f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e", "receivedAt": "2026-11-22T09:16:02.120Z",
         "connectionId": "3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80", "provider": "vapi", "eventType": "end-of-call-report",
         "result": "accepted", "detail": null, "callId": "7a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d", "processingMs": 12, "httpStatus": 200}""")
public record DeliveryView(
        UUID id,
        OffsetDateTime receivedAt,
        UUID connectionId,
        String provider,
        @Schema(description = "the provider's own event name, when it was readable") String eventType,
        @Schema(enumeration = { "accepted", "duplicate", "ignored", "rejected_signature", "malformed", "unknown_connection", "failed" })
        String result,
        @Schema(description = "why it was rejected, malformed or ignored") String detail,
        UUID callId,
        int processingMs,
        int httpStatus) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.receivedAt, d.connectionId, d.provider, d.eventType, d.result, d.detail, d.callId,
                d.processingMs, d.httpStatus);
    }
}
