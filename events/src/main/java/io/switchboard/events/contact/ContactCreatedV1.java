package io.switchboard.events.contact;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.EventPayload;

/**
 * A contact was created. Phone numbers are E.164. {@code timeZones} are every zone the dialer must honour
 * (the explicit one, else all the number can ring in, else the tenant default; empty when unknown) and
 * {@code timeZoneSource} where they came from ({@code explicit|number|tenant_default}, null when none).
 * {@code tags} are the contact's tags (appended for audiences by tag; null from older producers).
 * {@code duplicateOf} is the primary contact with the same phone this one possibly duplicates (an import with policy
 * keep_both created it), null for a phone's primary contact and from older producers.
 */
public record ContactCreatedV1(
        String contactId,
        String phone,
        String firstName,
        String lastName,
        String timeZone,
        Instant createdAt,
        List<String> timeZones,
        String timeZoneSource,
        List<String> tags,
        String duplicateOf) implements EventPayload {

    /** Without duplicateOf (as published before it was added). */
    public ContactCreatedV1(String contactId, String phone, String firstName, String lastName, String timeZone,
            Instant createdAt, List<String> timeZones, String timeZoneSource, List<String> tags) {
        this(contactId, phone, firstName, lastName, timeZone, createdAt, timeZones, timeZoneSource, tags, null);
    }

    /** Without tags (as published before they were added). */
    public ContactCreatedV1(String contactId, String phone, String firstName, String lastName, String timeZone,
            Instant createdAt, List<String> timeZones, String timeZoneSource) {
        this(contactId, phone, firstName, lastName, timeZone, createdAt, timeZones, timeZoneSource, null);
    }

    @Override
    public String aggregateId() {
        return contactId;
    }
}
