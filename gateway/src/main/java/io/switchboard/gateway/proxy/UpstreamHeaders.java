package io.switchboard.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.platform.request.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/** The headers the gateway adds to every proxied request: request id, X-Forwarded-* (identity: IdentityForwarding). */
@ApplicationScoped
public class UpstreamHeaders {

    // the same acceptance rule as the services' RequestIds filter, so an id we forward is never replaced there
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The caller's request id when it is usable, else a new one. */
    public String requestId(HttpServerRequest incoming) {
        String id = incoming.getHeader(RequestIds.HEADER);
        return id != null && VALID_ID.matcher(id).matches() ? id : UUID.randomUUID().toString();
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
