package io.switchboard.calls.sms;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.switchboard.platform.inbox.InboxDispatcher;

/**
 * calls-service's consumers of switchboard.calls (its own call.completed / call.analyzed, for the post-call SMS)
 * and switchboard.contacts (SMS opt-outs). Handlers register by type; {@link io.switchboard.platform.inbox.IdempotentConsumer} runs them once per event.
 */
@ApplicationScoped
public class SmsEventsConsumer {

    private final InboxDispatcher inbox;

    public SmsEventsConsumer(InboxDispatcher inbox) {
        this.inbox = inbox;
    }

    @Incoming("own-calls")
    public CompletionStage<Void> onCallEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }

    @Incoming("contacts")
    public CompletionStage<Void> onContactEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }
}
