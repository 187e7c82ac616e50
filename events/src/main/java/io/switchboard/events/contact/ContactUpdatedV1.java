package io.switchboard.events.contact;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.EventPayload;

/**
 * A contact was changed (PATCH, a merge that filled its fields). Carries the contact's dialing-relevant state
 * after the change, so a replica (the dialer) applies it without calling back; {@code changedFields} names
 * what changed (API field names). {@code tags} are the contact's tags after the change (appended for audiences by
 * tag; null from older producers).
 */
public record ContactUpdatedV1(
        String contactId,
        String phone,
        String alternatePhone,
        String firstName,
        String lastName,
        String timeZone,
        List<String> timeZones,
        String timeZoneSource,
        List<String> changedFields,
        Instant updatedAt,
        List<String> tags) implements EventPayload {

    /** Without tags (as published before they were added). */
    public ContactUpdatedV1(String contactId, String phone, String alternatePhone, String firstName, String lastName,
            String timeZone, List<String> timeZones, String timeZoneSource, List<String> changedFields, Instant updatedAt) {
        this(contactId, phone, alternatePhone, firstName, lastName, timeZone, timeZones, timeZoneSource, changedFields,
                updatedAt, null);
    }

    @Override
    public String aggregateId() {
        return contactId;
    }
}
