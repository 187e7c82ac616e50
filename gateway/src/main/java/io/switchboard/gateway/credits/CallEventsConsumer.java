package io.switchboard.gateway.credits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/** Feeds {@code switchboard.calls} into the credit debit (call.completed), records of one key (one aggregate) in order, different keys concurrently (platform default `throttled.ordered=key`). */
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
