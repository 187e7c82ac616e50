package io.switchboard.contacts.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/**
 * The one consumer of {@code switchboard.calls} in this service. Every feature that reacts to a call event
 * registers an {@link io.switchboard.platform.inbox.EventHandler} for its type; {@link IdempotentConsumer} runs all
 * of them in one transaction, once per event. Records of one call in order, different calls concurrently.
 */
@ApplicationScoped
public class CallEventsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Incoming("calls")
    @Blocking(ordered = false) // ordering per key comes from the connector, see platform defaults
    public void onCallEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }
}
