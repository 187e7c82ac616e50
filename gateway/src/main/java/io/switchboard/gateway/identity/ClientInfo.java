package io.switchboard.gateway.identity;

import io.vertx.core.http.HttpServerRequest;

/** Where a request came from, as recorded on sessions and login attempts. */
public record ClientInfo(String ip, String userAgent) {

    /** The peer address (honours quarkus.http.proxy.* when a trusted load balancer sits in front). */
    public static ClientInfo of(HttpServerRequest request) {
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ClientInfo(ip, request.getHeader("User-Agent"));
    }

    public ClientInfo {
        // sessions.ip / login_attempts.ip are varchar(64); an IPv6 literal with a zone id is the longest real value
        ip = ip == null ? "unknown" : ip.length() > 64 ? ip.substring(0, 64) : ip;
        if (userAgent != null && userAgent.length() > 500) {
            userAgent = userAgent.substring(0, 500);
        }
    }
}
