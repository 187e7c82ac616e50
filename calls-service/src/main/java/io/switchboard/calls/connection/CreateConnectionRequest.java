package io.switchboard.calls.connection;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateProviderConnection", example = """
        {"provider": "vapi", "name": "VAPI production", "webhookSecret": "vapi-server-secret", "apiKey": "vapi-private-key"}""")
public record CreateConnectionRequest(
        @NotNull Provider provider,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "what the provider signs or authenticates with: Twilio auth token, Retell API key, "
                + "ElevenLabs webhook secret, VAPI server secret or HMAC secret, Bolna shared token (optional for Bolna "
                + "with allowedIps). Write-only.")
        @Size(max = 1000) String webhookSecret,
        @Schema(description = "for outbound calls and reconciliation; write-only") @Size(max = 1000) String apiKey,
        @Schema(description = "Twilio account SID") @Size(max = 64) String accountSid,
        @Schema(description = "Bolna only: source addresses or CIDR ranges webhooks may come from", example = "[\"203.0.113.0/24\"]")
        @Size(max = 50) List<@Size(max = 64) String> allowedIps,
        @Schema(description = "the provider's API base URL, if not the public one (regional hosts, the simulator)")
        @Size(max = 500) String apiBaseUrl) {
}
