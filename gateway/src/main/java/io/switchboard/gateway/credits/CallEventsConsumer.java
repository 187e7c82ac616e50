package io.switchboard.gateway.credits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/** Feeds {@code switchboard.calls} into the credit debit (call.completed), one record at a time, in partition order. */
@ApplicationScoped
public class CallEventsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Incoming("calls")
    @Blocking(ordered = true)
    public void onCallEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }
}
