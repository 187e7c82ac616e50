package io.switchboard.calls.sms;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.phone.InternationalPhone;

/** The whole settings (PUT); an absent member takes its default. */
@Schema(name = "SmsSettingsRequest")
public record SmsSettingsRequest(
        @Schema(defaultValue = "true") Boolean smsEnabled,
        @Schema(defaultValue = "true", description = "no SMS after a call without speech") Boolean smsSkipSilent,
        @Schema(description = "the template of agents without their own") UUID defaultTemplateId,
        @Schema(description = "a Twilio connection of the tenant; without one no SMS is sent") UUID connectionId,
        @InternationalPhone @Schema(description = "sender when the call has no number of ours", example = "+14155550100") String fromNumber) {
}
