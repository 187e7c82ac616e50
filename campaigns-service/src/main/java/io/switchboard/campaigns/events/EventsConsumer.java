package io.switchboard.campaigns.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.switchboard.platform.inbox.IdempotentConsumer;

/**
 * The service's consumers, one channel per topic: call outcomes (switchboard.calls), dial expiry
 * (switchboard.dials), contacts (switchboard.contacts: the replica for audiences by tag and the dispatcher's compliance
 * replicas) and credits (switchboard.credits: the dispatcher's balance replica). Every feature registers an
 * {@link io.switchboard.platform.inbox.EventHandler} for the types it needs; {@link IdempotentConsumer} runs them all in
 * one transaction, once per event. Records of one key in order, different keys concurrently.
 */
@ApplicationScoped
public class EventsConsumer {

    @Inject
    IdempotentConsumer consumer;

    @Incoming("calls")
    @Blocking(ordered = false) // ordering per key comes from the connector, see platform defaults
    public void onCallEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }

    @Incoming("dials")
    @Blocking(ordered = false)
    public void onDialEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }

    @Incoming("contacts")
    @Blocking(ordered = false)
    public void onContactEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }

    @Incoming("credits")
    @Blocking(ordered = false)
    public void onCreditsEvent(byte[] cloudEvent) {
        consumer.consume(cloudEvent);
    }
}
