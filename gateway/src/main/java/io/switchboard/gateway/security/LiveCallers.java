package io.switchboard.gateway.security;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.switchboard.platform.tenant.TokenClaims;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The one rule for "is the user behind this access token still in": the user is active, the token's session
 * is live and the organization is not suspended. Looked up once per {@link AuthConfig#lookupCacheTtl()} per
 * (user, tenant, session); deactivation, logout, session revocation and suspension clear the cache on commit
 * ({@link CallerCache#invalidateAfterCommit()}), so on this replica they take effect at once. Used by the proxy
 * and by every authenticated gateway endpoint ({@link LiveUserFilter}).
 */
@ApplicationScoped
public class LiveCallers {

    @Inject
    CallerCache cache;

    @Inject
    CallerLookups lookups;

    @Inject
    Vertx vertx;

    /** Blocking: for worker threads (REST endpoints). */
    public CallerLookups.UserGrant user(UUID user, UUID tenant, UUID session) {
        String key = key(user, tenant, session);
        CallerLookups.UserGrant cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        CallerLookups.UserGrant grant = lookups.user(user, tenant, session);
        cache.put(key, grant);
        return grant;
    }

    /** Non-blocking: for the event loop (the proxy); the look-up runs on a worker. */
    public Future<CallerLookups.UserGrant> userAsync(UUID user, UUID tenant, UUID session) {
        String key = key(user, tenant, session);
        CallerLookups.UserGrant cached = cache.get(key);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return vertx.executeBlocking(() -> lookups.user(user, tenant, session), false).onSuccess(g -> cache.put(key, g));
    }

    /**
     * Blocking: the user id of a verified access token whose user, session and organization are still in; throws
     * the {@link AuthProblem} (401 / 403) otherwise. The check every token-carrying gateway endpoint runs.
     */
    public UUID requireLive(JsonWebToken jwt) {
        UUID user = Claims.uuid(jwt.getSubject());
        UUID tenant = Claims.uuid(Claims.string(jwt, TokenClaims.TENANT));
        if (user == null || tenant == null) {
            throw AuthProblem.invalidToken("the access token lacks sub or tid");
        }
        AuthProblem refusal = refusal(user(user, tenant, Claims.uuid(Claims.string(jwt, TokenClaims.SESSION))));
        if (refusal != null) {
            throw refusal;
        }
        return user;
    }

    /** The refusal for a grant that no longer lets its holder in, or null. */
    public static AuthProblem refusal(CallerLookups.UserGrant grant) {
        if (!grant.valid()) {
            return AuthProblem.invalidToken("the session or account of this token has ended");
        }
        if (!grant.tenantActive()) {
            return AuthProblem.tenantSuspended();
        }
        return null;
    }

    private static String key(UUID user, UUID tenant, UUID session) {
        return "user:" + user + ':' + tenant + ':' + session;
    }
}
