package io.switchboard.calls.connection;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the tenant configures at the provider: Twilio has two callbacks, every other provider one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "The URLs to configure at the provider")
public record WebhookUrls(
        @Schema(description = "VAPI server URL, Retell/ElevenLabs/Bolna webhook URL",
                example = "https://api.example.com/webhooks/vapi/3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80") String events,
        @Schema(description = "Twilio: the number's or TwiML app's Voice URL (A call comes in)",
                example = "https://api.example.com/webhooks/twilio/3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80/voice") String voice,
        @Schema(description = "Twilio: the Status Callback URL",
                example = "https://api.example.com/webhooks/twilio/3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80/status") String status) {

    /** The paths, below the public base URL, where a connection's webhooks arrive. */
    public static WebhookUrls of(String publicBaseUrl, Provider provider, UUID connectionId) {
        String base = publicBaseUrl.replaceAll("/+$", "") + "/webhooks/" + provider.wire() + "/" + connectionId;
        return provider == Provider.TWILIO ? new WebhookUrls(null, base + "/voice", base + "/status")
                : new WebhookUrls(base, null, null);
    }
}
