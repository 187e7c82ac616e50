package io.switchboard.calls.connection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RotateConnectionSecret", example = """
        {"webhookSecret": "the-new-secret"}""")
public record RotateSecretRequest(
        @Schema(description = "replaces the webhook secret at once: deliveries signed with the old one are refused")
        @NotBlank @Size(max = 1000) String webhookSecret,
        @Schema(description = "replaces the API key too when given") @Size(max = 1000) String apiKey) {
}
