package io.switchboard.gateway.proxy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.platform.request.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The headers the gateway adds to every proxied request: request id, X-Forwarded-*, trace context (identity:
 * IdentityForwarding).
 */
@ApplicationScoped
public class UpstreamHeaders {

    private static final List<String> TRACE_HEADERS = List.of("traceparent", "tracestate", "baggage");

    /** The caller's request id when it is usable, else a new one. */
    public String requestId(HttpServerRequest incoming) {
        // the services apply the same rule, so an id we forward is never replaced there
        return RequestIds.orNew(incoming.getHeader(RequestIds.HEADER));
    }

    public void apply(HttpServerRequest incoming, MultiMap upstream, String requestId) {
        upstream.set(RequestIds.HEADER, requestId);
        // The gateway's HTTP client (Quarkus' Vert.x tracing) adds the trace context of its own span for this call,
        // continuing the caller's trace. The caller's headers go, or the service would get two traceparents and
        // might take the caller's, hanging its spans below the caller instead of the gateway.
        TRACE_HEADERS.forEach(upstream::remove);
        SocketAddress peer = incoming.connection() == null ? null : incoming.connection().remoteAddress();
        String peerIp = peer == null ? null : peer.hostAddress();
        if (peerIp != null) {
            // a client's own X-Forwarded-For is passed on only when Quarkus believed it (the peer is a trusted
            // proxy and named another client); from anyone else it is replaced, so services cannot be fooled either
            String chain = incoming.getHeader("X-Forwarded-For");
            boolean believed = incoming.remoteAddress() != null && !peerIp.equals(incoming.remoteAddress().hostAddress());
            upstream.set("X-Forwarded-For", believed && chain != null && !chain.isBlank() ? chain + ", " + peerIp : peerIp);
        }
        // scheme() and authority() already honour quarkus.http.proxy.* when a trusted load balancer sits in front
        upstream.set("X-Forwarded-Proto", incoming.scheme());
        if (incoming.authority() != null) {
            upstream.set("X-Forwarded-Host", incoming.authority().toString());
        }
    }
}
