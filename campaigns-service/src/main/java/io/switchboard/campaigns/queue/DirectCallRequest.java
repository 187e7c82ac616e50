package io.switchboard.campaigns.queue;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.IanaTimeZone;

/** One call to place through the queue, ahead of every campaign call. */
public record DirectCallRequest(
        @NotNull UUID agentId,
        @Schema(description = "E.164, or national with region") @NotBlank @Size(max = 40) String phone,
        @Schema(description = "ISO 3166-1 alpha-2 region a national phone is read in") @Size(max = 2) String region,
        UUID contactId,
        @Schema(description = "The recipient's zone; default: the zones the number rings in, else UTC") @IanaTimeZone String timeZone,
        @Size(max = 100) Map<@NotBlank @Size(max = 100) String, @Size(max = 2000) String> variables) {
}
