package io.switchboard.analytics.ingest;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.switchboard.platform.inbox.InboxDispatcher;

/** Feeds {@code switchboard.calls} into the KPI handlers, records of one key (one aggregate) in order, different keys concurrently (platform inbox/InboxDispatcher). */
@ApplicationScoped
public class CallEventsConsumer {

    @Inject
    InboxDispatcher inbox;

    @Incoming("calls")
    public CompletionStage<Void> onCallEvent(Message<byte[]> record) {
        return inbox.dispatch(record);
    }
}
