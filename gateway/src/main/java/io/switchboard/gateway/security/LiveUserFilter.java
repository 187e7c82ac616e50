package io.switchboard.gateway.security;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every gateway endpoint called with an access token re-checks, before it runs, that the token's user, session
 * and organization are still active ({@link LiveCallers}): a token outlives a deactivation, logout or
 * suspension by up to its lifetime, and no endpoint should have to remember to check. Endpoints without a
 * token are left to their own security annotations (public auth endpoints never see one: EdgeGuard drops it).
 */
public class LiveUserFilter {

    @Inject
    JsonWebToken jwt;

    @Inject
    LiveCallers callers;

    /** Runs on the endpoint's thread: gateway endpoints are blocking, so the look-up may use the database. */
    @ServerRequestFilter
    public void requireLiveUser() {
        if (jwt == null || jwt.getRawToken() == null) {
            return;
        }
        callers.requireLive(jwt);
    }
}
