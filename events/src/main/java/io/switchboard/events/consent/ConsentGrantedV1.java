package io.switchboard.events.consent;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * A contact's consent to be reached on a channel was recorded. Carries what a dialer's replica needs to
 * answer "may this number get an artificial-voice call" without calling back: phone (E.164), channel
 * ({@code voice|sms|email}), type ({@code prior_express_written|prior_express|existing_relationship}),
 * when it was captured and when it expires (null: never). Keyed by contact.
 */
public record ConsentGrantedV1(
        String consentId,
        String contactId,
        String phone,
        String channel,
        String consentType,
        String source,
        Instant capturedAt,
        Instant expiresAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return contactId;
    }
}
