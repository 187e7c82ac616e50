package io.switchboard.calls.outbound;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.inbox.InboxDispatcher;

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
    private final InboxDispatcher inbox;
    private final PendingDials pending;
    private final OutboundDialer dialer;

    public DialRequestConsumer(IdempotentConsumer consumer, InboxDispatcher inbox, PendingDials pending, OutboundDialer dialer) {
        this.consumer = consumer;
        this.inbox = inbox;
        this.pending = pending;
        this.dialer = dialer;
    }

    @Incoming("dials")
    public CompletionStage<Void> onDialEvent(Message<byte[]> record) {
        return inbox.dispatch(record, this::handle);
    }

    /** One dial request record: its transaction, then the provider requests it planned (outside the transaction). */
    public void handle(byte[] cloudEvent) {
        for (DialPlan plan : pending.collect(() -> consumer.consume(cloudEvent))) {
            dialer.place(plan);
        }
    }
}
