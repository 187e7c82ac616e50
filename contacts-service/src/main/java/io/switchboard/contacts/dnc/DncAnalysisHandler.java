package io.switchboard.contacts.dnc;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.platform.inbox.EventHandler;
import io.switchboard.platform.phone.PhoneNumbers;

/**
 * A call's analysis saying the person asked never to be called again puts the number on the tenant's internal DNC
 * list, as {@link DncDispositionHandler} does for a {@code do_not_call} call.completed. Needed because VAPI's
 * end-of-call report, Retell's call_analyzed and Bolna's completed execution arrive after the call's terminal status:
 * call.completed then carried no dnc disposition, and the later call.disposition_changed carries no phone. The reading of the
 * structured data is the contract's ({@link CallAnalyzedV1#asksNotToBeCalled}). Idempotent like the other: a listed number changes nothing.
 */
@ApplicationScoped
public class DncAnalysisHandler implements EventHandler<CallAnalyzedV1> {

    private static final Logger LOG = Logger.getLogger(DncAnalysisHandler.class);

    @Inject
    DncService dnc;

    @Override
    public EventType<CallAnalyzedV1> type() {
        return EventCatalog.CALL_ANALYZED;
    }

    @Override
    public void handle(EventEnvelope<CallAnalyzedV1> event) {
        CallAnalyzedV1 analysis = event.data();
        if (!CallAnalyzedV1.asksNotToBeCalled(analysis.structuredData())) {
            return;
        }
        Optional<String> phone = PhoneNumbers.e164(analysis.phone());
        if (phone.isEmpty()) {
            LOG.warnf("call %s (tenant %s) asked not to be called but its analysis carries no valid phone; not listed",
                    analysis.callId(), event.tenantId());
            return;
        }
        boolean added = dnc.addFromDisposition(event.tenantId(), phone.get(), analysis.callId());
        LOG.infof("dnc from call analysis tenant=%s call=%s listed=%s", event.tenantId(), analysis.callId(), added);
    }
}
