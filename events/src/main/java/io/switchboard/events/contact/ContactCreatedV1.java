package io.switchboard.events.contact;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.EventPayload;

/**
 * A contact was created. Phone numbers are E.164. {@code timeZones} are every zone the dialer must honour
 * (the explicit one, else all the number can ring in, else the tenant default; empty when unknown) and
 * {@code timeZoneSource} where they came from ({@code explicit|number|tenant_default}, null when none).
 */
public record ContactCreatedV1(
        String contactId,
        String phone,
        String firstName,
        String lastName,
        String timeZone,
        Instant createdAt,
        List<String> timeZones,
        String timeZoneSource) implements EventPayload {

    @Override
    public String aggregateId() {
        return contactId;
    }
}
