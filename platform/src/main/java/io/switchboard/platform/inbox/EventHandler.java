package io.switchboard.platform.inbox;

import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventPayload;
import io.switchboard.events.EventType;

/**
 * Applies one event type's effect to the service's own database. Implement as a CDI bean; the
 * {@link IdempotentConsumer} finds handlers by {@link #type()} (dispatch by type happens there only)
 * and calls {@link #handle} inside the transaction that also records the event as processed.
 */
public interface EventHandler<T extends EventPayload> {

    EventType<T> type();

    void handle(EventEnvelope<T> event);
}
