package io.switchboard.calls.sms;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SmsMessage")
public record SmsMessageView(UUID id, UUID callId, UUID agentId, UUID templateId, String toNumber, String fromNumber,
        String body, @Schema(description = "sending, the provider's status (queued, sent, delivered, undelivered, failed) or skipped")
        String status, @Schema(description = "why it was not sent: opted_out") String skipReason, String providerSid,
        String errorCode, String errorMessage, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static SmsMessageView of(SmsMessage m) {
        return new SmsMessageView(m.id, m.callId, m.agentId, m.templateId, m.toNumber, m.fromNumber, m.body, m.status,
                m.skipReason, m.providerSid, m.errorCode, m.errorMessage, m.createdAt, m.updatedAt);
    }
}
