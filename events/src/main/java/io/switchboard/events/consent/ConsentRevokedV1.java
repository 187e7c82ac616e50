package io.switchboard.events.consent;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A consent was revoked: from {@code revokedAt} on it no longer allows contact on its channel (apply it like an opt-out). Keyed by contact. */
public record ConsentRevokedV1(
        String consentId,
        String contactId,
        String phone,
        String channel,
        String consentType,
        Instant revokedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return contactId;
    }
}
