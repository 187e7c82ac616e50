package io.switchboard.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How {@link IdempotentConsumer} retries a handler that failed for a reason that can pass (a serialization
 * failure, a deadlock, a lost connection) before the record goes to the dead-letter topic. The whole sequence
 * blocks the partition, so keep it well under the connector's
 * {@code throttled.unprocessed-record-max-age.ms} (60 s) and Kafka's {@code max.poll.interval.ms} (5 min).
 */
@ConfigMapping(prefix = "switchboard.inbox.retry")
public interface InboxRetryConfig {

    /** Attempts in all, the first included; 1 turns retrying off. */
    @WithDefault("6")
    int maxAttempts();

    /** Wait before the second attempt; doubles after each further failure. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
