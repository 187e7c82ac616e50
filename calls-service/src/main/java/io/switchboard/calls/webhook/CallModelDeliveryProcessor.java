package io.switchboard.calls.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.calls.call.CallModel;
import io.switchboard.platform.tenant.TenantScope;

/**
 * The {@link DeliveryProcessor}: normalize with the provider's normalizer (pure, no database), then apply to the call
 * model under the delivery's tenant, in the caller's transaction (the intake's, which also writes the delivery log
 * entry: one commit per report) or, without one, in a new transaction. Bad provider input never throws: it
 * is MALFORMED; a readable event the model does not use is IGNORED.
 */
@ApplicationScoped
public class CallModelDeliveryProcessor implements DeliveryProcessor {

    private static final Logger LOG = Logger.getLogger(CallModelDeliveryProcessor.class);

    /** Twilio's voice webhook wants TwiML; an empty Response lets the call's configured flow continue. */
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @Inject
    CallModel model;

    @Override
    public ProcessingResult process(VerifiedDelivery delivery) {
        ProviderNormalizer normalizer = Normalizers.of(delivery.provider()).orElse(null);
        if (normalizer == null) {
            return new ProcessingResult(ProcessingResult.Outcome.MALFORMED, null, null,
                    "provider: must be one of twilio, vapi, retell, elevenlabs, bolna", null, null);
        }
        Normalization normalization;
        try {
            normalization = normalizer.normalize(delivery);
        } catch (MalformedPayloadException e) {
            LOG.infof("provider event malformed tenant=%s connection=%s provider=%s: %s", delivery.tenantId(),
                    delivery.connectionId(), delivery.provider(), e.getMessage());
            return new ProcessingResult(ProcessingResult.Outcome.MALFORMED, e.providerEventType(), null, e.getMessage(),
                    null, null);
        }
        if (normalization.ignored()) {
            LOG.infof("provider event ignored tenant=%s connection=%s provider=%s type=%s", delivery.tenantId(),
                    delivery.connectionId(), delivery.provider(), normalization.providerEventType());
            return new ProcessingResult(ProcessingResult.Outcome.IGNORED, normalization.providerEventType(), null,
                    normalization.ignoredBecause(), null, null);
        }
        NormalizedEvent event = normalization.event();
        CallModel.Applied applied = TenantScope.call(delivery.tenantId(), () -> QuarkusTransaction.joiningExisting()
                .call(() -> model.applyProviderEvent(delivery.tenantId(), delivery.connectionId(), event,
                        delivery.receivedAt() == null ? java.time.Instant.now() : delivery.receivedAt())));
        boolean twiml = delivery.provider().equals("twilio") && "voice".equals(delivery.subpath());
        return new ProcessingResult(applied.duplicate() ? ProcessingResult.Outcome.DUPLICATE : ProcessingResult.Outcome.ACCEPTED,
                event.eventType(), applied.callId(), null, twiml ? "application/xml" : null, twiml ? EMPTY_TWIML : null);
    }
}
