package io.switchboard.campaigns.outcome;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallDispositionChangedV1;
import io.switchboard.events.call.CallFailedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.dial.DialExpiredV1;
import io.switchboard.platform.inbox.EventHandler;

/** One inbox handler per event type the queue reacts to; the rules are in {@link QueueOutcomes}. */
final class OutcomeHandlers {

    private OutcomeHandlers() {
    }

    @ApplicationScoped
    static class Initiated implements EventHandler<CallInitiatedV1> {
        @Inject
        QueueOutcomes outcomes;

        @Override
        public EventType<CallInitiatedV1> type() {
            return EventCatalog.CALL_INITIATED;
        }

        @Override
        public void handle(EventEnvelope<CallInitiatedV1> event) {
            CallInitiatedV1 call = event.data();
            if (call.dialRequestId() != null && call.callId() != null) {
                outcomes.initiated(event.tenantId(), call.callId(), call.dialRequestId());
            }
        }
    }

    @ApplicationScoped
    static class Completed implements EventHandler<CallCompletedV1> {
        @Inject
        QueueOutcomes outcomes;

        @Override
        public EventType<CallCompletedV1> type() {
            return EventCatalog.CALL_COMPLETED;
        }

        @Override
        public void handle(EventEnvelope<CallCompletedV1> event) {
            outcomes.completed(event.tenantId(), event.data().callId(), Outcome.of(event.data()));
        }
    }

    @ApplicationScoped
    static class Failed implements EventHandler<CallFailedV1> {
        @Inject
        QueueOutcomes outcomes;

        @Override
        public EventType<CallFailedV1> type() {
            return EventCatalog.CALL_FAILED;
        }

        @Override
        public void handle(EventEnvelope<CallFailedV1> event) {
            outcomes.failed(event.tenantId(), event.data().dialRequestId(), event.data().reason());
        }
    }

    @ApplicationScoped
    static class Expired implements EventHandler<DialExpiredV1> {
        @Inject
        QueueOutcomes outcomes;

        @Override
        public EventType<DialExpiredV1> type() {
            return EventCatalog.DIAL_EXPIRED;
        }

        @Override
        public void handle(EventEnvelope<DialExpiredV1> event) {
            outcomes.expired(event.tenantId(), event.data().dialRequestId());
        }
    }

    @ApplicationScoped
    static class Analyzed implements EventHandler<CallAnalyzedV1> {
        @Inject
        QueueOutcomes outcomes;

        @Override
        public EventType<CallAnalyzedV1> type() {
            return EventCatalog.CALL_ANALYZED;
        }

        @Override
        public void handle(EventEnvelope<CallAnalyzedV1> event) {
            outcomes.fromAnalysis(event.tenantId(), event.data().callId(), event.data().structuredData());
        }
    }

    @ApplicationScoped
    static class DispositionChanged implements EventHandler<CallDispositionChangedV1> {
        @Inject
        QueueOutcomes outcomes;

        @Override
        public EventType<CallDispositionChangedV1> type() {
            return EventCatalog.CALL_DISPOSITION_CHANGED;
        }

        @Override
        public void handle(EventEnvelope<CallDispositionChangedV1> event) {
            CallDispositionChangedV1 change = event.data();
            boolean callback = change.flags() != null && change.flags().callback();
            boolean dnc = change.flags() != null && change.flags().dnc();
            outcomes.dispositionChanged(event.tenantId(), change.callId(), change.disposition(), callback, dnc);
        }
    }

}
