package io.switchboard.gateway.edge;

import java.util.List;

/**
 * Gateway endpoints anyone may call. They never authenticate the caller, so a credential sent along (a stale
 * access token left in a client's default headers, an API key) must not be read there: it could only turn a
 * valid sign-up or login into a 401.
 */
public final class PublicPaths {

    /** Whole-segment prefixes: {@code /api/v1/auth} covers signup, login, refresh, logout, reset, verify-email. */
    private static final List<String> PREFIXES = List.of("/api/v1/auth", "/.well-known", "/api/v1/openapi.json");

    private PublicPaths() {
    }

    /** {@code path} must be canonical ({@link CanonicalPaths}). */
    public static boolean isPublic(String path) {
        for (String prefix : PREFIXES) {
            if (CanonicalPaths.isUnder(path, prefix)) {
                return true;
            }
        }
        return false;
    }
}
