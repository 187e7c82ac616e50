package io.switchboard.calls.webhook;

/**
 * Applies a verified delivery to the call model: parse the provider's payload, normalize it, deduplicate it on
 * the provider's event identity, move the call's status forward only, append the timeline, write the outbox
 * events, all in one transaction under the delivery's tenant. Must never throw for bad provider input: a body it
 * cannot read is {@link ProcessingResult.Outcome#MALFORMED}.
 */
public interface DeliveryProcessor {

    ProcessingResult process(VerifiedDelivery delivery);
}
