package io.switchboard.gateway.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

public final class ApiKeyViews {

    private ApiKeyViews() {
    }

    /** {@code scopes}: any of calls:read calls:write contacts:read contacts:write campaigns:read campaigns:write analytics:read. */
    public record CreateApiKey(@NotBlank @Size(max = 255) String name,
            @NotEmpty @Size(max = 32) List<@NotBlank @Size(max = 64) String> scopes,
            @Future Instant expiresAt, @Min(1) Integer rateLimitPerMinute) {
    }

    /** Listing: the prefix identifies the key, the key itself is gone. */
    public record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, Integer rateLimitPerMinute,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt, UUID createdBy, Instant createdAt) {

        static ApiKeyView of(ApiKey k) {
            return new ApiKeyView(k.id, k.name, k.prefix, List.of(k.scopes), k.rateLimitPerMinute, k.expiresAt,
                    k.lastUsedAt, k.revokedAt, k.createdBy, k.createdAt);
        }
    }

    /** The creation answer: the only time {@code key} is ever shown. */
    public record CreatedApiKey(UUID id, String name, String prefix, String key, List<String> scopes,
            Integer rateLimitPerMinute, Instant expiresAt, Instant createdAt) {
    }
}
