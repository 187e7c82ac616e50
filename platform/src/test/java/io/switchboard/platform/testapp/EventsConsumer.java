package io.switchboard.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/** Wired exactly like the services' consumers: one record at a time, in partition order. */
@ApplicationScoped
public class EventsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Incoming("events")
    @Blocking(ordered = true)
    public void onEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }
}
