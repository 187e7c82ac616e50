package io.switchboard.contacts.consent;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.StorableTime;

/** Consent to record. {@code capturedAt} defaults to now; {@code expiresAt} (optional) must be after it. */
@Schema(name = "GrantConsentRequest", example = """
        {"channel":"voice","type":"prior_express_written","source":"web_form","capturedAt":"2026-11-20T09:12:00Z",
         "evidence":"https://forms.example.com/signed/8812","expiresAt":"2027-11-20T09:12:00Z"}""")
public record GrantConsentRequest(
        @NotNull @Pattern(regexp = "voice|sms|email", message = "must be one of voice, sms, email")
        @Schema(enumeration = { "voice", "sms", "email" }) String channel,
        @NotNull @Pattern(regexp = "prior_express_written|prior_express|existing_relationship",
                message = "must be one of prior_express_written, prior_express, existing_relationship")
        @Schema(enumeration = { "prior_express_written", "prior_express", "existing_relationship" }) String type,
        @Size(max = 100) @Schema(description = "where it was captured: web_form, call, import, api ...") String source,
        @StorableTime OffsetDateTime capturedAt,
        @Size(max = 4000) @Schema(description = "the wording agreed to, or a URL to the signed form or recording") String evidence,
        @StorableTime OffsetDateTime expiresAt) {
}
