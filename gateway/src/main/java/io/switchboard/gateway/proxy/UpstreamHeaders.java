package io.switchboard.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.platform.request.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

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
