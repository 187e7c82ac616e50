package io.switchboard.calls.connection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection as the API shows it: secrets are write-only, only whether they are set shows. */
@Schema(name = "ProviderConnection")
public record ConnectionView(
        UUID id,
        @Schema(example = "vapi") Provider provider,
        @Schema(example = "VAPI production") String name,
        boolean enabled,
        @Schema(description = "whether an API key is stored (it is never returned)") boolean hasApiKey,
        String accountSid,
        List<String> allowedIps,
        String apiBaseUrl,
        WebhookUrls webhookUrls,
        OffsetDateTime secretRotatedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ConnectionView of(ProviderConnection c, String publicBaseUrl) {
        return new ConnectionView(c.id, c.provider, c.name, c.enabled, c.apiKey != null, c.accountSid, List.copyOf(c.allowedIps),
                c.apiBaseUrl, WebhookUrls.of(publicBaseUrl, c.provider, c.id), c.secretRotatedAt, c.createdAt, c.updatedAt);
    }
}
