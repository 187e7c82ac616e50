package io.switchboard.calls.webhook;

/**
 * What a normalizer made of a delivery: an event to apply, or a readable event the call model does not use.
 * A body it cannot read is a {@link MalformedPayloadException} instead.
 */
public record Normalization(NormalizedEvent event, String providerEventType, String ignoredBecause) {

    public static Normalization apply(NormalizedEvent event) {
        return new Normalization(event, event.eventType(), null);
    }

    public static Normalization ignore(String providerEventType, String because) {
        return new Normalization(null, providerEventType, because);
    }

    public boolean ignored() {
        return event == null;
    }
}
