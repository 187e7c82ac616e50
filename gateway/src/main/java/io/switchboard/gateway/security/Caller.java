package io.switchboard.gateway.security;

import java.util.Set;
import java.util.UUID;

/**
 * An authenticated API caller at the proxy: a user (access token) or an API key.
 *
 * @param subject        {@code sub} of the internal token: the user id, or {@code apikey:<id>}
 * @param tenantLimit    requests per minute for the tenant, null for the configured default
 * @param apiKeyLimit    requests per minute for the key, null for the configured default (unused for users)
 */
public record Caller(String subject, UUID tenantId, String role, Set<String> scopes, UUID apiKeyId,
        Integer tenantLimit, Integer apiKeyLimit) {

    public boolean isApiKey() {
        return apiKeyId != null;
    }
}
