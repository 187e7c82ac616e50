package io.switchboard.platform.tenant;

/**
 * The one rule that maps a request to the scope it needs: GET/HEAD on resource {@code r} need {@code r:read},
 * any other method {@code r:write}. The gateway applies it to the public route, every service again to its own
 * {@code /api/v1} paths ({@link ScopeFilter}).
 */
public final class RouteScopes {

    private RouteScopes() {
    }

    public static String required(String resource, String method) {
        return resource + ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) ? ":read" : ":write");
    }
}
