package io.switchboard.calls.number;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.phone.InternationalPhone;

/** A number as the tenant registers it (POST) or replaces it (PUT): absent optional fields take their defaults. */
@Schema(name = "PhoneNumberRequest", example = """
        {"phoneNumber": "+14155550199", "friendlyName": "Front desk", "capabilities": ["voice", "sms"],
         "connectionId": "3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80", "providerSid": "PNXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
         "agentId": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "active": true, "timeZone": "America/Los_Angeles"}""")
public record PhoneNumberRequest(
        @Schema(description = "E.164 (unique per tenant); other international notations are normalized", example = "+14155550199")
        @NotBlank @Size(max = 32) @InternationalPhone String phoneNumber,
        @Size(max = 200) String friendlyName,
        @Schema(description = "ISO 3166-1 alpha-2; derived from the number when absent", example = "US")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code like US") String country,
        @Schema(description = "any of voice, sms, mms; default [voice]")
        @Size(min = 1, max = 3) List<@NotNull @Pattern(regexp = "voice|sms|mms", message = "must be voice, sms or mms") String> capabilities,
        @Schema(description = "the provider connection the number belongs to (must exist in the tenant)") UUID connectionId,
        @Schema(description = "the provider's id for the number (Twilio PN…)") @Size(max = 64) String providerSid,
        @Schema(description = "the agent inbound calls go to (must exist in the tenant)") UUID agentId,
        @Schema(description = "default true; an inactive number's inbound calls are refused") Boolean active,
        @Schema(description = "IANA zone the routing schedule is read in; default: the number's zone when it has exactly one",
                example = "America/Los_Angeles") @Size(max = 64) String timeZone) {
}
