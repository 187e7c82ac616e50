package io.switchboard.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.switchboard.gateway.proxy.ProblemBodies;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.request.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first thing every request meets after the failure log starts watching it (so what is refused here is
 * still logged): a non-canonical path is refused with 400 before anything routes or authenticates on it, and
 * public endpoints lose whatever credentials the client sent. Runs on the event loop; never blocks.
 */
@ApplicationScoped
public class EdgeGuard {

    private static final Logger LOG = Logger.getLogger(EdgeGuard.class);
    /** Headers that carry a caller's credentials. */
    static final String AUTHORIZATION = "Authorization";
    static final String API_KEY = "X-Api-Key";

    @Inject
    ProblemBodies problems;

    void register(@Observes Router router) {
        // after FailureLogRoute (BODY_HANDLER + 1), before the proxy and Quarkus REST
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 2).handler(this::guard);
    }

    private void guard(RoutingContext rc) {
        String path = rc.request().path();
        String problem = CanonicalPaths.problem(path);
        if (problem != null) {
            LOG.infof("refused non-canonical path from %s: %s", rc.request().remoteAddress(), problem);
            refuse(rc, 400, "bad-path", "Bad Request", problem + "; send the path in its plain form");
            return;
        }
        if (PublicPaths.isPublic(path)) {
            rc.request().headers().remove(AUTHORIZATION);
            rc.request().headers().remove(API_KEY);
        }
        rc.next();
    }

    private void refuse(RoutingContext rc, int status, String slug, String title, String detail) {
        rc.request().resume(); // nobody reads the body of a refused request
        String requestId = rc.request().getHeader(RequestIds.HEADER);
        // the offending path is not echoed back: it may be 5,000 characters of anything
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problems.render(status, slug, title, detail, null, requestId));
    }
}
