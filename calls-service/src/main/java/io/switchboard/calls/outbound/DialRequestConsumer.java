package io.switchboard.calls.outbound;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/**
 * The one consumer of {@code switchboard.dials} in this service. {@link IdempotentConsumer} applies
 * {@link DialRequestedHandler} once per event (the call row, or the refusal or expiry, in one transaction); then,
 * outside any transaction, the committed plans are dialed. The record is acknowledged after that, so a crash before
 * the provider answered redelivers the event, which the inbox then skips: the queued call row is the guard
 * (docs/outbound.md). Requests of one queue item run in order, different items concurrently.
 */
@ApplicationScoped
public class DialRequestConsumer {

    private final IdempotentConsumer consumer;
    private final PendingDials pending;
    private final OutboundDialer dialer;

    public DialRequestConsumer(IdempotentConsumer consumer, PendingDials pending, OutboundDialer dialer) {
        this.consumer = consumer;
        this.pending = pending;
        this.dialer = dialer;
    }

    @Incoming("dials")
    @Blocking(ordered = false) // ordering per key comes from the connector, see platform defaults
    public void onDialEvent(byte[] cloudEvent) {
        for (DialPlan plan : pending.collect(() -> consumer.consume(cloudEvent))) {
            dialer.place(plan);
        }
    }
}
