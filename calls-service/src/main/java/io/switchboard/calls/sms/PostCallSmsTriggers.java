package io.switchboard.calls.sms;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.platform.inbox.EventHandler;

/**
 * calls-service consumes its own call.completed and call.analyzed (from switchboard.calls, through the idempotent
 * consumer) rather than sending inside the webhook's transaction: a provider webhook is never held up by Twilio,
 * and nothing is sent for a change that rolled back.
 */
final class PostCallSmsTriggers {

    private PostCallSmsTriggers() {
    }

    @ApplicationScoped
    static class OnCompleted implements EventHandler<CallCompletedV1> {

        private final PostCallSms sms;

        OnCompleted(PostCallSms sms) {
            this.sms = sms;
        }

        @Override
        public EventType<CallCompletedV1> type() {
            return EventCatalog.CALL_COMPLETED;
        }

        @Override
        public void handle(EventEnvelope<CallCompletedV1> event) {
            sms.consider(event.tenantId(), UUID.fromString(event.data().callId()), false);
        }
    }

    @ApplicationScoped
    static class OnAnalyzed implements EventHandler<CallAnalyzedV1> {

        private final PostCallSms sms;

        OnAnalyzed(PostCallSms sms) {
            this.sms = sms;
        }

        @Override
        public EventType<CallAnalyzedV1> type() {
            return EventCatalog.CALL_ANALYZED;
        }

        @Override
        public void handle(EventEnvelope<CallAnalyzedV1> event) {
            sms.consider(event.tenantId(), UUID.fromString(event.data().callId()), true);
        }
    }
}
