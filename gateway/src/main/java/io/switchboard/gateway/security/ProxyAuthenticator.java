package io.switchboard.gateway.security;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.switchboard.platform.tenant.TokenClaims;

/**
 * Who is calling a proxied {@code /api/v1/**} path: an access token ({@code Authorization: Bearer <jwt>}, aud
 * {@code switchboard-api}) or an API key ({@code Authorization: Bearer sb_...} or {@code X-Api-Key}). Runs on
 * the event loop: signature checks are CPU only, database look-ups go to a worker and are cached briefly.
 */
@ApplicationScoped
public class ProxyAuthenticator {

    public static final String API_KEY_HEADER = "X-Api-Key";
    static final Pattern API_KEY = Pattern.compile("sb_[a-z0-9]{8}_[A-Za-z0-9]{20,128}");

    @Inject
    JWTParser parser;

    @Inject
    CallerCache cache;

    @Inject
    CallerLookups lookups;

    @Inject
    Vertx vertx;

    @Inject
    LiveCallers live;

    @Inject
    AuthConfig config;

    /** Cached for a key that matched nothing (negative cache). */
    private static final CallerLookups.KeyGrant UNKNOWN_KEY = new CallerLookups.KeyGrant(null, null, Set.of(), null,
            true, false, null, null);

    /** Fails with an {@link AuthProblem} (401 / 403) when the caller cannot be let in. */
    public Future<Caller> authenticate(HttpServerRequest request) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader("Authorization");
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey(apiKey.trim());
        }
        if (authorization == null || authorization.isBlank()) {
            return Future.failedFuture(AuthProblem.unauthorized(
                    "send an access token (Authorization: Bearer <token>) or an API key (X-Api-Key)"));
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Future.failedFuture(AuthProblem.unauthorized("only Bearer credentials are accepted"));
        }
        String credential = authorization.substring(7).trim();
        return credential.startsWith("sb_") ? apiKey(credential) : accessToken(credential);
    }

    private Future<Caller> accessToken(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token); // signature, issuer, audience switchboard-api, expiry
        } catch (ParseException e) {
            return Future.failedFuture(AuthProblem.invalidToken("the access token is invalid or expired"));
        }
        UUID user = Claims.uuid(jwt.getSubject());
        UUID tenant = Claims.uuid(Claims.string(jwt, TokenClaims.TENANT));
        UUID session = Claims.uuid(Claims.string(jwt, TokenClaims.SESSION));
        Set<String> groups = jwt.getGroups();
        String role = groups == null ? null : groups.stream().filter(Roles::isValid).findFirst().orElse(null);
        if (user == null || tenant == null || role == null) {
            return Future.failedFuture(AuthProblem.invalidToken("the access token lacks sub, tid or a role"));
        }
        Set<String> scopes = Collections.unmodifiableSet(Scopes.parse(Claims.string(jwt, TokenClaims.SCOPE)));
        return live.userAsync(user, tenant, session).compose(g -> {
            AuthProblem refusal = LiveCallers.refusal(g);
            if (refusal != null) {
                return Future.failedFuture(refusal);
            }
            return Future.succeededFuture(new Caller(user.toString(), tenant, role, scopes, null, g.tenantLimit(), null));
        });
    }

    private Future<Caller> apiKey(String presented) {
        if (!API_KEY.matcher(presented).matches()) {
            return Future.failedFuture(AuthProblem.invalidToken("malformed API key"));
        }
        String hash = Secrets.sha256(presented);
        String key = "key:" + hash;
        CallerLookups.KeyGrant cached = cache.get(key);
        Future<CallerLookups.KeyGrant> grant = cached != null ? Future.succeededFuture(cached)
                : vertx.executeBlocking(() -> lookups.apiKey(hash), false).map(g -> {
                    if (g == null) {
                        cache.put(key, UNKNOWN_KEY, config.unknownKeyCacheTtl());
                        return UNKNOWN_KEY;
                    }
                    cache.put(key, g);
                    return g;
                });
        return grant.compose(g -> {
            if (g == UNKNOWN_KEY || g.revoked()) {
                return Future.failedFuture(AuthProblem.invalidToken("unknown or revoked API key"));
            }
            if (g.expiresAt() != null && !g.expiresAt().isAfter(Instant.now())) {
                return Future.failedFuture(AuthProblem.invalidToken("the API key has expired"));
            }
            if (!g.tenantActive()) {
                return Future.failedFuture(AuthProblem.tenantSuspended());
            }
            // scopes keep their creation order: the internal token's scope claim is stable per key
            return Future.succeededFuture(new Caller("apikey:" + g.id(), g.tenantId(), Roles.USER,
                    Collections.unmodifiableSet(g.scopes()), g.id(), g.tenantLimit(), g.keyLimit()));
        });
    }
}
