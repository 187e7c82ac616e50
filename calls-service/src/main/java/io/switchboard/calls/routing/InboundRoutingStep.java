package io.switchboard.calls.routing;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import io.switchboard.calls.webhook.DeliveryProcessor;
import io.switchboard.calls.webhook.ProcessingResult;
import io.switchboard.calls.webhook.VerifiedDelivery;
import io.switchboard.calls.webhook.twilio.TwilioNormalizer;

/**
 * Inbound routing as a step in front of the call model's {@link DeliveryProcessor}, leaving the webhook intake and
 * the call model as they are: Twilio's voice webhook for an inbound call and the team dial's fallback callback are
 * answered by the {@link InboundRouter}; a Twilio status callback passes through and then completes a routed call's
 * routing status; every other delivery passes through untouched.
 */
@Decorator
@Priority(20)
public abstract class InboundRoutingStep implements DeliveryProcessor {

    @Inject
    @Delegate
    DeliveryProcessor delegate;

    @Inject
    InboundRouter router;

    @Override
    public ProcessingResult process(VerifiedDelivery delivery) {
        if (!TwilioNormalizer.PROVIDER.equals(delivery.provider())) {
            // an agent platform's end-of-call report may complete a routed Twilio call (it names its CallSid)
            return router.afterStatus(delivery, delegate.process(delivery));
        }
        if (delivery.subpath() == null) {
            return delegate.process(delivery);
        }
        return switch (delivery.subpath()) {
            case "voice" -> router.incoming(delivery).orElseGet(() -> delegate.process(delivery));
            case InboundRouter.FALLBACK -> router.fallback(delivery);
            case "status" -> router.afterStatus(delivery, delegate.process(delivery));
            default -> delegate.process(delivery);
        };
    }
}
