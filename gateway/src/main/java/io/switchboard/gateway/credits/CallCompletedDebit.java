package io.switchboard.gateway.credits;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.platform.inbox.EventHandler;

/** call.completed -> usage debit. Runs inside the IdempotentConsumer's transaction, in the event's tenant. */
@ApplicationScoped
public class CallCompletedDebit implements EventHandler<CallCompletedV1> {

    private static final Logger LOG = Logger.getLogger(CallCompletedDebit.class);

    @Inject
    CreditService credits;

    @Override
    public EventType<CallCompletedV1> type() {
        return EventCatalog.CALL_COMPLETED;
    }

    @Override
    public void handle(EventEnvelope<CallCompletedV1> event) {
        UUID callId;
        try {
            callId = UUID.fromString(event.data().callId());
        } catch (IllegalArgumentException | NullPointerException e) {
            // the schema says uuid; retrying cannot fix a malformed id, so it is skipped, loudly
            LOG.warnf("call.completed %s of tenant %s has no usable call id; not debited", event.id(), event.tenantId());
            return;
        }
        credits.debitCall(event.tenantId(), callId, event.data().durationSeconds());
    }
}
