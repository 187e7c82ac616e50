package io.switchboard.platform.testapp;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.switchboard.platform.inbox.InboxDispatcher;

/** Wired exactly like the services' consumers: records of one key (one aggregate) in order, different keys concurrently (platform inbox/InboxDispatcher). */
@ApplicationScoped
public class EventsConsumer {

    @Inject
    InboxDispatcher inbox;

    @Incoming("events")
    public CompletionStage<Void> onEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }
}
