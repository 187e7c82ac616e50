package io.switchboard.campaigns.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.switchboard.platform.inbox.InboxDispatcher;

/**
 * The service's consumers, one channel per topic: call outcomes (switchboard.calls), dial expiry
 * (switchboard.dials), contacts (switchboard.contacts: the replica for audiences by tag and the dispatcher's compliance
 * replicas) and credits (switchboard.credits: the dispatcher's balance replica). Every feature registers an
 * {@link io.switchboard.platform.inbox.EventHandler} for the types it needs; {@link io.switchboard.platform.inbox.IdempotentConsumer} runs them all in
 * one transaction, once per event. Records of one key in order, different keys concurrently.
 */
@ApplicationScoped
public class EventsConsumer {

    @Inject
    InboxDispatcher inbox;

    @Incoming("calls")
    public CompletionStage<Void> onCallEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }

    @Incoming("dials")
    public CompletionStage<Void> onDialEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }

    @Incoming("contacts")
    public CompletionStage<Void> onContactEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }

    @Incoming("credits")
    public CompletionStage<Void> onCreditsEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }
}
