package io.switchboard.campaigns.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/**
 * The dispatcher's inputs: calls-service's answers (switchboard.calls, switchboard.dials) and the compliance facts it
 * replicates (switchboard.contacts, switchboard.credits). Every record goes through {@link IdempotentConsumer}, which
 * runs all handlers registered for its type in one transaction, once. If campaigns-service gains another consumer of
 * the same topic, one channel per topic is enough: handlers, not channels, carry the behaviour.
 */
@ApplicationScoped
public class DialerEventsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Incoming("dialer-calls")
    @Blocking(ordered = false)
    public void onCallEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }

    @Incoming("dialer-dials")
    @Blocking(ordered = false)
    public void onDialEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }

    @Incoming("dialer-contacts")
    @Blocking(ordered = false)
    public void onContactsEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }

    @Incoming("dialer-credits")
    @Blocking(ordered = false)
    public void onCreditsEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }
}
