package io.switchboard.gateway.credits;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.platform.inbox.EventHandler;

/**
 * call.completed -> usage debit; call.usage_changed -> the difference (issue 12). Both run inside the
 * IdempotentConsumer's transaction, in the event's tenant.
 */
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
        callId(event, event.data().callId())
                .ifPresent(callId -> credits.debitCall(event.tenantId(), callId, event.data().durationSeconds()));
    }

    /** A completed call's late final duration: debit (or give back) the difference to what it was billed for. */
    @ApplicationScoped
    public static class UsageChanged implements EventHandler<CallUsageChangedV1> {

        @Inject
        CreditService credits;

        @Override
        public EventType<CallUsageChangedV1> type() {
            return EventCatalog.CALL_USAGE_CHANGED;
        }

        @Override
        public void handle(EventEnvelope<CallUsageChangedV1> event) {
            CallUsageChangedV1 data = event.data();
            callId(event, data.callId()).ifPresent(callId -> credits.correctCall(event.tenantId(), callId,
                    data.durationSeconds(), data.previousDurationSeconds()));
        }
    }

    /** The event's call id; a malformed one is skipped, loudly (the schema says uuid; retrying cannot fix it). */
    static Optional<UUID> callId(EventEnvelope<?> event, String callId) {
        try {
            return Optional.of(UUID.fromString(callId));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("%s %s of tenant %s has no usable call id; not debited", event.type().type(), event.id(),
                    event.tenantId());
            return Optional.empty();
        }
    }
}
