package io.switchboard.gateway.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.switchboard.gateway.edge.CanonicalPaths;
import io.switchboard.gateway.identity.IdentityForwarding;
import io.switchboard.gateway.security.AuthProblem;
import io.switchboard.platform.problem.Problem;
import io.switchboard.gateway.failure.FailureLogRoute;
import io.switchboard.platform.request.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends every request under a configured prefix to its upstream service, unchanged and streamed in both
 * directions, ahead of Quarkus REST (which serves only the gateway's own paths). An upstream that cannot be
 * reached or does not answer in time becomes a 503 / 504 problem, never a bare 502.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String REQUEST_ID = "requestId";
    private static final String RATE_LIMIT = "rateLimit";

    @Inject
    GatewayConfig config;

    @Inject
    UpstreamHeaders headers;

    @Inject
    ProblemBodies problems;

    @Inject
    IdentityForwarding identity;

    private final List<Prefix> prefixes = new ArrayList<>();

    /**
     * One prefix of one route, with its own proxy: whether requests need credentials is decided by the very prefix
     * that routed them. The table is sorted longest prefix first so the most specific route wins.
     */
    private record Prefix(String path, String route, HttpProxy proxy) {

        boolean matches(String requestPath) {
            return CanonicalPaths.isUnder(requestPath, path);
        }
    }

    void register(@Observes Router router, Vertx vertx) {
        prefixes.clear(); // a dev-mode restart hands us a fresh router
        config.routes().forEach((name, route) -> {
            HttpClient client = client(vertx, route);
            route.prefixes().forEach(p -> {
                String path = trimSlash(p);
                prefixes.add(new Prefix(path, name, proxy(client, name, route, path)));
            });
        });
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.path().length()).reversed());
        LOG.infof("routes: %s", describe());

        // everything else falls through to Quarkus REST: the gateway's own resources, and 404 problems from the
        // platform's mappers for paths nobody serves
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::dispatch);
    }

    private void dispatch(RoutingContext rc) {
        // the raw path: EdgeGuard has refused every request whose raw path differs from its canonical form, so
        // this is the path the upstream receives, byte for byte
        String path = rc.request().path();
        for (Prefix prefix : prefixes) {
            if (prefix.matches(path)) {
                prefix.proxy().handle(rc.request());
                return;
            }
        }
        rc.next();
    }

    private HttpClient client(Vertx vertx, GatewayConfig.Route route) {
        boolean tls = "https".equalsIgnoreCase(route.url().getScheme());
        int port = route.url().getPort() > 0 ? route.url().getPort() : (tls ? 443 : 80);
        return vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(route.url().getHost())
                .setDefaultPort(port)
                .setSsl(tls)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
    }

    private HttpProxy proxy(HttpClient client, String name, GatewayConfig.Route route, String prefix) {
        long timeoutMs = route.timeout().toMillis();
        return HttpProxy.reverseProxy(client)
                .originRequestProvider((request, c) -> c.request(new RequestOptions()
                        .setConnectTimeout(config.connectTimeout().toMillis())
                        // no response bytes for this long -> TimeoutException -> 504
                        .setIdleTimeout(timeoutMs))
                        .map(FinishedExchangeGuard::guard)
                        .recover(e -> Future.failedFuture(new UpstreamFailure.NoConnection(e))))
                .addInterceptor(new Interceptor(name, timeoutMs, IdentityForwarding.isAnonymous(prefix)));
    }

    private final class Interceptor implements ProxyInterceptor {

        private final String route;
        private final long timeoutMs;
        private final boolean anonymous;

        Interceptor(String route, long timeoutMs, boolean anonymous) {
            this.route = route;
            this.timeoutMs = timeoutMs;
            this.anonymous = anonymous;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
            HttpServerRequest incoming = ctx.request().proxiedRequest();
            String requestId = headers.requestId(incoming);
            ctx.set(REQUEST_ID, requestId);
            MDC.put(RequestIds.MDC_KEY, requestId);
            headers.apply(incoming, ctx.request().headers(), requestId);
            // the request body stays paused while this waits (Quarkus pauses it until a handler reads it)
            Future<IdentityForwarding.Forwarded> checked = anonymous ? Future.succeededFuture(IdentityForwarding.Forwarded.ANONYMOUS)
                    : identity.authenticate(incoming, route);
            return checked.compose(forwarded -> {
                identity.apply(forwarded, ctx.request().headers());
                FailureLogRoute.rememberCaller(forwarded.caller());
                ctx.set(RATE_LIMIT, forwarded.rateLimit());
                return ctx.sendRequest()
                        .map(response -> {
                            if (hasValidFraming(response)) {
                                return response;
                            }
                            response.release(); // drains the upstream's body
                            return problem(ctx, new IllegalStateException("invalid Transfer-Encoding from upstream"),
                                    requestId);
                        })
                        .recover(error -> Future.succeededFuture(problem(ctx, error, requestId)));
            }, error -> Future.succeededFuture(refusal(ctx, error, requestId)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext ctx) {
            ctx.response().headers().set(RequestIds.HEADER, ctx.get(REQUEST_ID, String.class));
            @SuppressWarnings("unchecked")
            Map<String, String> rateLimit = ctx.get(RATE_LIMIT, Map.class);
            if (rateLimit != null) {
                rateLimit.forEach(ctx.response().headers()::set);
            }
            // Once the upstream's response head has arrived, a failure while relaying its body (reset, malformed
            // chunk) makes vertx-http-proxy reset the client connection: the client sees a broken exchange, never a
            // truncated body passed off as complete. Its fallback would then try a bare 502 on that response; this
            // recover stops it, and answers a problem itself in the rare case nothing was sent and the connection
            // is still open.
            return ctx.sendResponse().recover(error -> {
                relayFailed(ctx, error);
                return Future.succeededFuture();
            });
        }

        private void relayFailed(ProxyContext ctx, Throwable error) {
            HttpServerRequest incoming = ctx.request().proxiedRequest();
            HttpServerResponse out = incoming.response();
            String requestId = ctx.get(REQUEST_ID, String.class);
            if (out.ended() || out.closed()) {
                return;
            }
            if (out.headWritten()) {
                LOG.warnf("%s %s -> route %s broke off mid-response: %s (request %s)", incoming.method(), incoming.path(),
                        route, error.getMessage(), requestId);
                out.reset();
                return;
            }
            UpstreamFailure failure = UpstreamFailure.of(error);
            LOG.warnf("%s %s -> route %s failed with %d before the response started: %s (request %s)", incoming.method(),
                    incoming.path(), route, failure.status, error.getMessage(), requestId);
            out.headers().clear();
            out.setStatusCode(failure.status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(RequestIds.HEADER, requestId)
                    .end(problems.render(failure.status, failure.slug, failure.title, failure.detail(route, timeoutMs),
                            incoming.path(), requestId));
        }

        /** What vertx-http-proxy would refuse with a bare 501. */
        private static boolean hasValidFraming(ProxyResponse response) {
            return validFraming(response.headers().getAll("transfer-encoding"));
        }

        /** 401 / 403 / 429 from the identity check: answered here, nothing goes upstream. */
        private ProxyResponse refusal(ProxyContext ctx, Throwable error, String requestId) {
            HttpServerRequest incoming = ctx.request().proxiedRequest();
            incoming.resume(); // discard the request body nobody will read
            AuthProblem refusal = error instanceof AuthProblem p ? p : null;
            if (refusal == null) {
                LOG.errorf(error, "cannot check the credentials of %s %s (request %s)", incoming.method(),
                        incoming.path(), requestId);
            }
            int status = refusal == null ? 503 : refusal.status();
            ProxyResponse response = ctx.request().response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(refusal == null
                            ? problems.render(503, "unavailable", "Service Unavailable",
                                    "credentials cannot be checked right now", incoming.path(), requestId)
                            : problems.render(status, refusal.slug(), refusal.title(), refusal.getMessage(),
                                    incoming.path(), requestId)));
            if (refusal != null) {
                refusal.headers().forEach(response::putHeader);
            }
            return response;
        }

        private ProxyResponse problem(ProxyContext ctx, Throwable error, String requestId) {
            UpstreamFailure failure = UpstreamFailure.of(error);
            HttpServerRequest incoming = ctx.request().proxiedRequest();
            LOG.warnf("%s %s -> route %s failed with %d: %s (request %s)", incoming.method(), incoming.path(), route,
                    failure.status, error.getMessage(), requestId);
            incoming.resume(); // discard whatever request body is left; nobody will read it
            return ctx.request().response()
                    .setStatusCode(failure.status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(problems.render(failure.status, failure.slug, failure.title,
                            failure.detail(route, timeoutMs), incoming.path(), requestId)));
        }
    }

    /** vertx-http-proxy only relays a Transfer-Encoding of plain {@code chunked} (or none). */
    private static boolean validFraming(List<String> transferEncodings) {
        for (String value : transferEncodings) {
            if (!"chunked".equals(value)) {
                return false;
            }
        }
        return true;
    }

    private String describe() {
        Map<String, List<String>> byRoute = new TreeMap<>();
        prefixes.forEach(p -> byRoute.computeIfAbsent(p.route(), r -> new ArrayList<>()).add(p.path()));
        StringBuilder out = new StringBuilder();
        byRoute.forEach((route, paths) -> out.append(route).append(' ').append(paths).append(" -> ")
                .append(config.routes().get(route).url()).append("; "));
        return out.toString();
    }

    private static String trimSlash(String prefix) {
        String p = prefix.trim();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
