package io.switchboard.contacts.dnc;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
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
        if (!isDoNotCall(call)) {
            return;
        }
        Optional<String> phone = PhoneNumbers.e164(call.phone());
        if (phone.isEmpty()) {
            // events from before calls carried the number, or an unusable one: nothing to list, and retrying cannot help
            LOG.warnf("call %s (tenant %s) ended as do-not-call but carries no valid phone; not listed", call.callId(),
                    event.tenantId());
            return;
        }
        boolean added = dnc.addFromDisposition(event.tenantId(), phone.get(), call.callId());
        LOG.infof("dnc disposition tenant=%s call=%s listed=%s", event.tenantId(), call.callId(), added);
    }

    static boolean isDoNotCall(CallCompletedV1 call) {
        return (call.flags() != null && call.flags().dnc()) || (call.disposition() != null && DNC_DISPOSITIONS.contains(call.disposition()));
    }
}
