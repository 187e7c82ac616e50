package io.switchboard.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where each public path prefix goes. One entry per upstream service, keyed by route name. */
@ConfigMapping(prefix = "switchboard.gateway")
public interface GatewayConfig {

    /** Route name (calls, contacts, ...) to upstream. */
    Map<String, Route> routes();

    /** How long to wait for a TCP connection to an upstream before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * Pooled keep-alive connections per upstream. Vert.x defaults to 5, which queues concurrent clients
     * behind each other; the benchmark (./switchboard bench) showed it.
     */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    /** How long the merged OpenAPI document waits for each upstream's own document. */
    @WithDefault("3s")
    Duration openapiTimeout();

    interface Route {

        /** Upstream base URL, scheme + host + port only (paths are forwarded unchanged). */
        URI url();

        /** Path prefixes routed here, matched on whole segments: /api/v1/calls matches /api/v1/calls/42, not /api/v1/callsx. */
        List<String> prefixes();

        /** How long the upstream may stay silent (no response bytes) before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();
    }
}
