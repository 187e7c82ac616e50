package io.switchboard.contacts.calls;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.platform.inbox.EventHandler;

/** A finished call counts against its contact: busy / no answer / not connected, and the last contact time. */
@ApplicationScoped
public class CallCompletedHandler implements EventHandler<CallCompletedV1> {

    private static final Logger LOG = Logger.getLogger(CallCompletedHandler.class);

    @Inject
    ContactCalls calls;

    @Override
    public EventType<CallCompletedV1> type() {
        return EventCatalog.CALL_COMPLETED;
    }

    @Override
    public void handle(EventEnvelope<CallCompletedV1> event) {
        UUID tenantId = event.tenantId();
        CallCompletedV1 call = event.data();
        UUID callId = UUID.fromString(call.callId());
        Optional<UUID> contactId = calls.contactOf(tenantId, callId);
        if (contactId.isEmpty()) {
            contactId = calls.known(tenantId, call.contactId());
        }
        if (contactId.isEmpty()) {
            return;
        }
        Optional<CallOutcome> outcome = CallOutcome.of(call.status(), call.disposition());
        calls.recordAttempt(tenantId, contactId.get(), outcome, OffsetDateTime.ofInstant(call.endedAt(), ZoneOffset.UTC));
        LOG.infof("call attempt counted tenant=%s call=%s contact=%s outcome=%s", tenantId, callId, contactId.get(),
                outcome.map(Enum::name).orElse("reached"));
    }
}
