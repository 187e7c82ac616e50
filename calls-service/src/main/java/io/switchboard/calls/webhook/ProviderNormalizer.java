package io.switchboard.calls.webhook;

/**
 * Turns one provider's verified delivery into a {@link NormalizedEvent}: a pure function of the delivery, so
 * it is unit-tested with the provider's documented payloads. Throws {@link MalformedPayloadException} for a body
 * it cannot read.
 */
public interface ProviderNormalizer {

    String provider();

    Normalization normalize(VerifiedDelivery delivery);
}
