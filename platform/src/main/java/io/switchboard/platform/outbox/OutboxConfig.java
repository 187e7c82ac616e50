package io.switchboard.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (every replica may; rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * Safety-net poll for unpublished rows (commits that write events wake the relay at once; the
     * Quarkus scheduler's floor is one second).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker before leaving the rest of a batch for the next round. */
    @WithDefault("10s")
    Duration sendTimeout();

    /** The CloudEvent source of this service's events, e.g. /switchboard/calls-service. */
    @WithDefault("/switchboard/${quarkus.application.name}")
    String source();
}
