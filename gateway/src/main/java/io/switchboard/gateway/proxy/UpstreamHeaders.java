package io.switchboard.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.platform.request.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/** The headers the gateway adds to every proxied request: request id, X-Forwarded-* (identity: IdentityForwarding). */
@ApplicationScoped
public class UpstreamHeaders {

    /** The caller's request id when it is usable, else a new one. */
    public String requestId(HttpServerRequest incoming) {
        // the services apply the same rule, so an id we forward is never replaced there
        return RequestIds.orNew(incoming.getHeader(RequestIds.HEADER));
    }

    public void apply(HttpServerRequest incoming, MultiMap upstream, String requestId) {
        upstream.set(RequestIds.HEADER, requestId);
        String client = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
        if (client != null) {
            String chain = incoming.getHeader("X-Forwarded-For");
            upstream.set("X-Forwarded-For", chain == null || chain.isBlank() ? client : chain + ", " + client);
        }
        // scheme() and authority() already honour quarkus.http.proxy.* when a trusted load balancer sits in front
        upstream.set("X-Forwarded-Proto", incoming.scheme());
        if (incoming.authority() != null) {
            upstream.set("X-Forwarded-Host", incoming.authority().toString());
        }
    }
}
