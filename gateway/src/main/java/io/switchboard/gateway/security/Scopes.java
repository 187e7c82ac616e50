package io.switchboard.gateway.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.switchboard.platform.tenant.RouteScopes;

/**
 * The scopes a token or API key carries. Users hold all of {@link #ALL}; API keys hold the subset they were
 * created with. At the proxy, GET/HEAD on route {@code r} needs {@code r:read}, any other method {@code r:write}
 * (there is no {@code analytics:write}: analytics is read-only through the public API).
 */
public final class Scopes {

    public static final List<String> ALL = List.of("calls:read", "calls:write", "contacts:read", "contacts:write",
            "campaigns:read", "campaigns:write", "analytics:read");

    private Scopes() {
    }

    /** The same rule the services apply again behind the gateway (platform {@link RouteScopes}). */
    public static String required(String route, String method) {
        return RouteScopes.required(route, method);
    }

    public static boolean isKnown(String scope) {
        return ALL.contains(scope);
    }

    /** Space-separated, as in the {@code scope} claim. */
    public static String claim(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    public static Set<String> parse(String claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim != null) {
            for (String s : claim.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
