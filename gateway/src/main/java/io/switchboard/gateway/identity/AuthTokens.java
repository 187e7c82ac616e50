package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What signup, login and refresh answer. The refresh token is shown here only; the server keeps its hash. */
public record AuthTokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
        Instant refreshTokenExpiresAt, UUID sessionId, UUID userId, UUID tenantId, String role, Set<String> scopes) {
}
