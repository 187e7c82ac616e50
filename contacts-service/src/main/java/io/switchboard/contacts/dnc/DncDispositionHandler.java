package io.switchboard.contacts.dnc;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.platform.inbox.EventHandler;
import io.switchboard.platform.phone.PhoneNumbers;

/**
 * A call that ended with the {@code dnc} disposition puts the remote party's number on the tenant's internal
 * DNC list. Runs inside {@link io.switchboard.platform.inbox.IdempotentConsumer}'s transaction; the insert is
 * also idempotent on its own (a number already listed changes nothing and publishes nothing).
 */
@ApplicationScoped
public class DncDispositionHandler implements EventHandler<CallCompletedV1> {

    private static final Logger LOG = Logger.getLogger(DncDispositionHandler.class);

    /**
     * The call model's do-not-call disposition (calls-service docs/call-model.md; its flags carry {@code dnc}), and
     * the bare flag name, which events from before the vocabulary carried as the disposition.
     */
    static final Set<String> DNC_DISPOSITIONS = Set.of("do_not_call", "dnc");

    @Inject
    DncService dnc;

    @Override
    public EventType<CallCompletedV1> type() {
        return EventCatalog.CALL_COMPLETED;
    }

    @Override
    public void handle(EventEnvelope<CallCompletedV1> event) {
        CallCompletedV1 call = event.data();
        if (isDoNotCall(call)) {
            list(dnc, event.tenantId(), call.callId(), call.phone());
        }
    }

    private static void list(DncService dnc, java.util.UUID tenantId, String callId, String rawPhone) {
        Optional<String> phone = PhoneNumbers.e164(rawPhone);
        if (phone.isEmpty()) {
            // events from before calls carried the number, or an unusable one: nothing to list, and retrying cannot help
            LOG.warnf("call %s (tenant %s) ended as do-not-call but carries no valid phone; not listed", callId, tenantId);
            return;
        }
        boolean added = dnc.addFromDisposition(tenantId, phone.get(), callId);
        LOG.infof("dnc disposition tenant=%s call=%s listed=%s", tenantId, callId, added);
    }

    /**
     * The same request when only the call's analysis says it: providers report the analysis after the terminal status
     * (VAPI's end-of-call report follows its "ended" update, Retell's call_analyzed its call_ended), so the call's
     * call.completed carried no dnc disposition. A truthy {@code do_not_call} / {@code doNotCall} / {@code dnc} in the
     * structured data (true, "true", "yes"), as calls-service reads it for its disposition. Found by the end-to-end test
     * with the provider simulator.
     */
    @ApplicationScoped
    public static class LateAnalysis implements EventHandler<CallAnalyzedV1> {

        static final Set<String> DNC_KEYS = Set.of("do_not_call", "doNotCall", "dnc");

        @Inject
        DncService dnc;

        @Override
        public EventType<CallAnalyzedV1> type() {
            return EventCatalog.CALL_ANALYZED;
        }

        @Override
        public void handle(EventEnvelope<CallAnalyzedV1> event) {
            if (asksNotToBeCalled(event.data().structuredData())) {
                list(dnc, event.tenantId(), event.data().callId(), event.data().phone());
            }
        }

        static boolean asksNotToBeCalled(Map<String, Object> structuredData) {
            return structuredData != null && DNC_KEYS.stream().map(structuredData::get).anyMatch(v -> Boolean.TRUE.equals(v)
                    || "true".equalsIgnoreCase(String.valueOf(v)) || "yes".equalsIgnoreCase(String.valueOf(v)));
        }
    }

    static boolean isDoNotCall(CallCompletedV1 call) {
        return (call.flags() != null && call.flags().dnc()) || (call.disposition() != null && DNC_DISPOSITIONS.contains(call.disposition()));
    }
}
