package io.switchboard.calls.sms;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/**
 * calls-service's consumers of switchboard.calls (its own call.completed / call.analyzed, for the post-call SMS)
 * and switchboard.contacts (SMS opt-outs). Handlers register by type; {@link IdempotentConsumer} runs them once per event.
 */
@ApplicationScoped
public class SmsEventsConsumer {

    private final IdempotentConsumer consumer;

    public SmsEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("own-calls")
    @Blocking(ordered = false) // ordering per key comes from the connector, see platform defaults
    public void onCallEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }

    @Incoming("contacts")
    @Blocking(ordered = false)
    public void onContactEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }
}
