package io.switchboard.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.switchboard.gateway.identity.ClientInfo;
import io.switchboard.gateway.identity.IdentityForwarding;
import io.switchboard.gateway.proxy.ProblemBodies;
import io.switchboard.gateway.ratelimit.ClientLimits;
import io.switchboard.gateway.security.ProxyAuthenticator;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.request.RequestIds;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first thing every request meets after the failure log starts watching it (so what is refused here is
 * still logged): a non-canonical path is refused with 400 before anything routes or authenticates on it;
 * public endpoints lose whatever credentials the client sent; a client IP past its failed-authentication or
 * sign-up budget gets 429 (every 401 answered to it counts as a failure). Runs on the event loop; never blocks.
 */
@ApplicationScoped
public class EdgeGuard {

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);
    /** The headers that carry a caller's credentials. */
    static final String AUTHORIZATION = "Authorization";
    static final String API_KEY = ProxyAuthenticator.API_KEY_HEADER;
    static final String SIGNUP = "/api/v1/auth/signup";

    @Inject
    ProblemBodies problems;

    @Inject
    ClientLimits limits;

    void register(@Observes Router router) {
        // after FailureLogRoute (BODY_HANDLER + 1), before the proxy and Quarkus REST
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 2).handler(this::guard);
    }

    private void guard(RoutingContext rc) {
        String path = rc.request().path();
        String problem = CanonicalPaths.problem(path);
        if (problem != null) {
            // debug: a scanner sends these by the thousand, and the failure log records each one anyway
            LOG.debugf("refused non-canonical path from %s: %s", rc.request().remoteAddress(), problem);
            refuse(rc, 400, "bad-path", "Bad Request", problem + "; send the path in its plain form");
            return;
        }
        if (PublicPaths.isPublic(path)) {
            rc.request().headers().remove(AUTHORIZATION);
            rc.request().headers().remove(API_KEY);
        }
        // providers' webhooks are never throttled here: their signatures are checked by calls-service
        if (!IdentityForwarding.isAnonymous(path)) {
            // the peer, or the client a trusted proxy names: Quarkus applies forwarded headers from trusted peers only
            String ip = ClientInfo.of(rc.request()).ip();
            ClientLimits.Refusal refusal = limits.checkFailures(ip);
            if (refusal == null && rc.request().method() == HttpMethod.POST && SIGNUP.equals(path)) {
                refusal = limits.takeSignup(ip);
            }
            if (refusal != null) {
                LOG.debugf("refused %s %s from %s: %s", rc.request().method(), path, ip, refusal.detail());
                rc.response().putHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
                refuse(rc, 429, "rate-limited", "Too Many Requests",
                        refusal.detail() + "; try again in " + refusal.retryAfterSeconds() + " s");
                return;
            }
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() == 401) {
                    limits.recordFailure(ip);
                }
            });
        }
        rc.next();
    }

    private void refuse(RoutingContext rc, int status, String slug, String title, String detail) {
        rc.request().resume(); // nobody reads the body of a refused request
        String requestId = rc.request().getHeader(RequestIds.HEADER);
        // the path is not echoed back: a refused one may be 5,000 characters of anything
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problems.render(status, slug, title, detail, null, requestId));
    }
}
