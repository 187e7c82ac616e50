package io.switchboard.contacts.calls;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.switchboard.platform.inbox.InboxDispatcher;

/**
 * The one consumer of {@code switchboard.calls} in this service. Every feature that reacts to a call event
 * registers an {@link io.switchboard.platform.inbox.EventHandler} for its type; {@link io.switchboard.platform.inbox.IdempotentConsumer} runs all
 * of them in one transaction, once per event. Records of one call in order, different calls concurrently.
 */
@ApplicationScoped
public class CallEventsConsumer {

    @Inject
    InboxDispatcher inbox;

    @Incoming("calls")
    public CompletionStage<Void> onCallEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }
}
