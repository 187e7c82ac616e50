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

    /**
     * The longest a relay round holds its lock waiting for the broker (handing records over, metadata, acks);
     * whatever is not acknowledged by then is left for the next round.
     */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * Rejections of one row by the broker (too large, invalid) after which the relay parks it and goes on with the
     * rows behind it. A broker outage does not count: then every row waits.
     */
    @WithDefault("10")
    int maxAttempts();

    /** The CloudEvent source of this service's events, e.g. /switchboard/calls-service. */
    @WithDefault("/switchboard/${quarkus.application.name}")
    String source();
}
