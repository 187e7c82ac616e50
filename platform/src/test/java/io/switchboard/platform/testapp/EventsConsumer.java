package io.switchboard.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/** Wired exactly like the services' consumers: records of one key (one aggregate) in order, different keys concurrently (platform default `throttled.ordered=key`). */
@ApplicationScoped
public class EventsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Incoming("events")
    @Blocking(ordered = false) // ordering per key comes from the connector, see platform defaults
    public void onEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }
}
