package io.switchboard.campaigns.dispatch;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallFailedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.dial.DialExpiredV1;
import io.switchboard.platform.inbox.EventHandler;

/**
 * Active-call accounting from calls-service's answers: call.initiated attaches the call to its slot; call.completed,
 * call.failed and dial.expired give the slot back (by dial request id or call id). Each runs in the idempotent
 * consumer's transaction, and a second release of the same slot changes nothing.
 */
public final class SlotHandlers {

    private static final Logger LOG = Logger.getLogger(SlotHandlers.class);
    /** The lease owner recorded for decisions taken by a consumer rather than a dispatch round. */
    static final String CONSUMER = "consumer";

    private SlotHandlers() {
    }

    @ApplicationScoped
    public static class Initiated implements EventHandler<CallInitiatedV1> {
        @Inject
        DispatchWriter writer;

        @Override
        public EventType<CallInitiatedV1> type() {
            return EventCatalog.CALL_INITIATED;
        }

        @Override
        public void handle(EventEnvelope<CallInitiatedV1> event) {
            CallInitiatedV1 e = event.data();
            if (e.dialRequestId() != null) {
                writer.callStarted(event.tenantId(), e.dialRequestId(), UUID.fromString(e.callId()), Instant.now());
            }
        }
    }

    @ApplicationScoped
    public static class Completed implements EventHandler<CallCompletedV1> {
        @Inject
        DispatchWriter writer;

        @Override
        public EventType<CallCompletedV1> type() {
            return EventCatalog.CALL_COMPLETED;
        }

        @Override
        public void handle(EventEnvelope<CallCompletedV1> event) {
            if (writer.release(null, UUID.fromString(event.data().callId()))) {
                LOG.infof("slot released tenant=%s call=%s by call.completed", event.tenantId(), event.data().callId());
            }
        }
    }

    @ApplicationScoped
    public static class Failed implements EventHandler<CallFailedV1> {
        @Inject
        DispatchWriter writer;

        @Override
        public EventType<CallFailedV1> type() {
            return EventCatalog.CALL_FAILED;
        }

        @Override
        public void handle(EventEnvelope<CallFailedV1> event) {
            CallFailedV1 e = event.data();
            if (writer.release(e.dialRequestId(), e.callId() == null ? null : UUID.fromString(e.callId()))) {
                LOG.infof("slot released tenant=%s dial_request=%s by call.failed", event.tenantId(), e.dialRequestId());
            }
        }
    }

    /** dial.expired: the slot only; the row's state (back to pending, the attempt not counted) is outcome/QueueOutcomes'. */
    @ApplicationScoped
    public static class Expired implements EventHandler<DialExpiredV1> {
        @Inject
        DispatchWriter writer;

        @Override
        public EventType<DialExpiredV1> type() {
            return EventCatalog.DIAL_EXPIRED;
        }

        @Override
        public void handle(EventEnvelope<DialExpiredV1> event) {
            if (writer.release(event.data().dialRequestId(), null)) {
                LOG.infof("slot released tenant=%s dial_request=%s by dial.expired", event.tenantId(),
                        event.data().dialRequestId());
            }
        }
    }
}
