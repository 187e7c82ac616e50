package io.switchboard.contacts.consent;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Consent", description = "A contact's consent to be reached on a channel", example = """
        {"id":"9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d","contactId":"0b6e2a4c-1d3f-4a5b-8c7d-9e0f1a2b3c4d","channel":"voice",
         "type":"prior_express_written","source":"web_form","capturedAt":"2026-11-20T09:12:00Z",
         "evidence":"https://forms.example.com/signed/8812","expiresAt":"2027-11-20T09:12:00Z","revokedAt":null,
         "validNow":true,"createdAt":"2026-11-20T09:12:05Z","updatedAt":"2026-11-20T09:12:05Z"}""")
public record ConsentView(
        UUID id,
        UUID contactId,
        @Schema(enumeration = { "voice", "sms", "email" }) String channel,
        @Schema(enumeration = { "prior_express_written", "prior_express", "existing_relationship" }) String type,
        String source,
        OffsetDateTime capturedAt,
        String evidence,
        OffsetDateTime expiresAt,
        OffsetDateTime revokedAt,
        @Schema(description = "captured, not expired and not revoked at the time of the request") boolean validNow,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ConsentView of(Consent consent, OffsetDateTime now) {
        return new ConsentView(consent.id, consent.contactId, consent.channel, consent.type, consent.source,
                consent.capturedAt, consent.evidence, consent.expiresAt, consent.revokedAt, consent.validAt(now),
                consent.createdAt, consent.updatedAt);
    }
}
