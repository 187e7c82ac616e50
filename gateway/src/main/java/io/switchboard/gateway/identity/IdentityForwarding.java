package io.switchboard.gateway.identity;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.gateway.ratelimit.RateLimiter;
import io.switchboard.gateway.security.AuthProblem;
import io.switchboard.gateway.security.Caller;
import io.switchboard.gateway.security.ProxyAuthenticator;
import io.switchboard.gateway.security.Scopes;
import io.switchboard.gateway.security.TokenIssuer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where the caller's identity becomes what the services trust. For {@code /api/**}: authenticate
 * (401), check the route's scope (403), take a rate-limit token (429), then replace whatever credentials the
 * client sent with a short-lived internal token ({@code aud switchboard-services}) carrying sub, tid, groups and
 * scope. Only webhook prefixes ({@code /webhooks/**}, see {@link #isAnonymous}) pass unauthenticated: providers
 * sign them and calls-service verifies. The proxy decides by the prefix that routed the request, and EdgeGuard
 * has already refused every path whose raw form differs from its canonical one, so the two cannot disagree.
 */
@ApplicationScoped
public class IdentityForwarding {

    private static final Logger LOG = Logger.getLogger(IdentityForwarding.class);
    /** Headers a client could try to speak for itself with; services must only ever see ours. */
    private static final String TENANT_HEADER = "X-Tenant-Id";
    private static final String WEBHOOKS = "/webhooks";

    @Inject
    ProxyAuthenticator authenticator;

    @Inject
    RateLimiter limiter;

    @Inject
    TokenIssuer tokens;

    /**
     * What to forward for one request.
     *
     * @param internalToken null for unauthenticated (webhook) paths
     * @param rateLimit     RateLimit-* headers for the response, empty when not limited
     */
    public record Forwarded(Caller caller, String internalToken, Map<String, String> rateLimit) {

        public static final Forwarded ANONYMOUS = new Forwarded(null, null, Map.of());
    }

    /**
     * Whether a route prefix takes requests without credentials: only the provider webhooks. Every other prefix,
     * whatever it is called, authenticates (fail closed).
     */
    public static boolean isAnonymous(String prefix) {
        return prefix.equals(WEBHOOKS) || prefix.startsWith(WEBHOOKS + "/");
    }

    /** Fails with an {@link AuthProblem} when the request must not reach the service. */
    public Future<Forwarded> authenticate(HttpServerRequest incoming, String route) {
        String method = incoming.method().name();
        return authenticator.authenticate(incoming).compose(caller -> {
            String scope = Scopes.required(route, method);
            if (!caller.scopes().contains(scope)) {
                LOG.infof("%s of tenant %s lacks %s for %s %s", caller.subject(), caller.tenantId(), scope, method,
                        incoming.path());
                return Future.failedFuture(AuthProblem.insufficientScope(scope));
            }
            RateLimiter.Decision decision = limiter.consume(caller);
            Map<String, String> headers = decision == null ? Map.of() : decision.headers();
            if (decision != null && !decision.allowed()) {
                LOG.infof("rate limit of %s hit by %s of tenant %s", decision.scope(), caller.subject(),
                        caller.tenantId());
                return Future.failedFuture(AuthProblem.tooManyRequests(
                        "the " + decision.scope() + " rate limit of " + decision.limit() + " requests per minute is used up",
                        decision.retryAfterSeconds(), headers));
            }
            String internal = tokens.internal(caller.subject(), caller.tenantId(), caller.role(), caller.scopes());
            return Future.succeededFuture(new Forwarded(caller, internal, headers));
        });
    }

    public void apply(Forwarded forwarded, MultiMap upstream) {
        upstream.remove(TENANT_HEADER);
        upstream.remove(ProxyAuthenticator.API_KEY_HEADER);
        if (forwarded.internalToken() != null) {
            upstream.set("Authorization", "Bearer " + forwarded.internalToken());
        }
        // webhooks keep their Authorization header: some providers authenticate with it, and no client-facing
        // token is accepted by a service anyway (services only take aud switchboard-services)
    }
}
