package io.switchboard.gateway.failure;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.switchboard.platform.request.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Vertx;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.switchboard.gateway.security.Caller;
import io.switchboard.platform.tenant.TokenClaims;

/**
 * Watches every exchange from the first route on (ahead of the proxy and Quarkus REST) and, when the response
 * ends with a 4xx/5xx, hands a {@link Failure} to the {@link FailureLogWriter} queue. Nothing here blocks or
 * touches the database, so recording can neither slow nor break a response.
 * <p>
 * It also settles the request id up front (the caller's if valid, else a new one, set on the request) so the
 * proxy, Quarkus REST and this log all use the same id, and puts it on responses that lack one (e.g. a 401
 * the security layer answers before any resource runs).
 */
@ApplicationScoped
public class FailureLogRoute {

    /**
     * Where code that authenticates outside Quarkus Security (the proxy's JWT / API key check) leaves the verified
     * caller for this log: {@code rc.put(USER_KEY, userUuid)}, {@code rc.put(TENANT_KEY, tenantUuid)}.
     */
    public static final String USER_KEY = "switchboard.caller.user";
    public static final String TENANT_KEY = "switchboard.caller.tenant";

    @Inject
    FailureLogConfig config;

    @Inject
    FailureLogWriter writer;

    void register(@Observes Router router) {
        if (config.enabled()) {
            router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1).handler(this::observe);
        }
    }

    private void observe(RoutingContext rc) {
        long started = System.nanoTime();
        String id = RequestIds.orNew(rc.request().getHeader(RequestIds.HEADER));
        rc.request().headers().set(RequestIds.HEADER, id);
        rc.addHeadersEndHandler(v -> {
            if (rc.response().headers().get(RequestIds.HEADER) == null) {
                rc.response().putHeader(RequestIds.HEADER, id);
            }
        });
        rc.addEndHandler(done -> {
            int status = rc.response().getStatusCode();
            if (status < 400) {
                return;
            }
            String path = rc.request().path(); // path only: the query string may carry keys or tokens
            if (path == null) {
                path = "/";
            }
            int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            UUID[] who = who(rc);
            writer.offer(new Failure(rc.request().method().name(), path, status, durationMs, id, who[0], who[1],
                    Instant.now()));
        });
        rc.next();
    }

    /**
     * For the proxy, which authenticates outside Quarkus Security and has no RoutingContext: keeps the
     * verified caller on the request's duplicated Vert.x context, where {@link #who} finds it.
     */
    public static void rememberCaller(Caller caller) {
        if (caller != null && Vertx.currentContext() != null && VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(TENANT_KEY, caller.tenantId());
            if (!caller.isApiKey()) {
                ContextLocals.put(USER_KEY, UUID.fromString(caller.subject()));
            }
        }
    }

    /** User and tenant of an identity the security layer already verified; never parsed from raw headers. */
    private static UUID[] who(RoutingContext rc) {
        UUID[] who = new UUID[2];
        if (rc.get(USER_KEY) instanceof UUID user) {
            who[0] = user;
        }
        if (rc.get(TENANT_KEY) instanceof UUID tenant) {
            who[1] = tenant;
        }
        if (who[1] == null && VertxContext.isOnDuplicatedContext()) {
            who[0] = ContextLocals.<UUID> get(USER_KEY).orElse(null);
            who[1] = ContextLocals.<UUID> get(TENANT_KEY).orElse(null);
        }
        if (who[1] == null && rc.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
                who[0] = uuidOrNull(jwt.getSubject());
                Object tid = jwt.getClaim(TokenClaims.TENANT);
                who[1] = tid == null ? null : uuidOrNull(tid.toString().replace("\"", ""));
            }
        }
        return who;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
