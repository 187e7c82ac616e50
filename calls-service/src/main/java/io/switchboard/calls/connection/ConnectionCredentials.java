package io.switchboard.calls.connection;

import java.util.List;
import java.util.UUID;

/**
 * A connection with its secrets decrypted, for code that talks to the provider (webhook verification, outbound
 * calls, reconciliation): from {@link ConnectionService#credentials}. Never serialize it; {@link #toString()} hides
 * the secrets so a log line cannot leak them.
 */
public record ConnectionCredentials(
        UUID id,
        UUID tenantId,
        Provider provider,
        boolean enabled,
        String webhookSecret,
        String apiKey,
        String accountSid,
        List<String> allowedIps,
        String apiBaseUrl) {

    @Override
    public String toString() {
        return "ConnectionCredentials[id=" + id + ", tenant=" + tenantId + ", provider=" + provider.wire() + "]";
    }
}
