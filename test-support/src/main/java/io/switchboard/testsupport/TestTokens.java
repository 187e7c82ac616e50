package io.switchboard.testsupport;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Tokens exactly as the gateway issues them (see the README's token contract), signed with
 * {@link TestKeys}. {@link #internal} is what services accept; {@link #access} is what API clients hold.
 */
public final class TestTokens {

    public static final String ISSUER = "https://switchboard.io";
    public static final String SERVICES_AUDIENCE = "switchboard-services";
    public static final String API_AUDIENCE = "switchboard-api";
    public static final Set<String> ALL_SCOPES = Set.of("calls:read", "calls:write", "contacts:read", "contacts:write",
            "campaigns:read", "campaigns:write", "analytics:read");

    private TestTokens() {
    }

    /** A gateway-to-service token for a user of {@code tenant} with role {@code user} and every scope. */
    public static String internal(UUID tenant) {
        return internal(tenant, UUID.randomUUID().toString(), "user", ALL_SCOPES);
    }

    public static String internal(UUID tenant, String subject, String role, Set<String> scopes) {
        return sign(SERVICES_AUDIENCE, tenant, subject, role, scopes, Duration.ofMinutes(5));
    }

    /** A client-facing access token, as login returns. */
    public static String access(UUID tenant, UUID user, String role) {
        return sign(API_AUDIENCE, tenant, user.toString(), role, ALL_SCOPES, Duration.ofMinutes(15));
    }

    public static String sign(String audience, UUID tenant, String subject, String role, Set<String> scopes, Duration ttl) {
        return Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim("tid", tenant.toString())
                .claim("scope", String.join(" ", scopes))
                .expiresIn(ttl)
                .jws().keyId("switchboard")
                .sign(TestKeys.privateKey());
    }

    /** {@code Authorization} header value. */
    public static String bearer(UUID tenant) {
        return "Bearer " + internal(tenant);
    }

    /** {@code Authorization} header value for a token with exactly these scopes (services check the route's scope). */
    public static String bearer(UUID tenant, String... scopes) {
        return "Bearer " + internal(tenant, UUID.randomUUID().toString(), "user", Set.of(scopes));
    }
}
