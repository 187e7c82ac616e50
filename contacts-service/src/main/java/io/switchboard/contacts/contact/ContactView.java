package io.switchboard.contacts.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the API returns for a contact; entities never leave the service. {@code timeZones} are the zones the
 * dialer honours ({@code timeZoneSource}: explicit|number|tenant_default); {@code timeZone} is only what the
 * client stated. {@code duplicateOf}: the primary contact with the same phone this one possibly duplicates (made by an
 * import with policy keep_both), null for a primary.
 */
public record ContactView(
        UUID id,
        String phone,
        String firstName,
        String lastName,
        String email,
        String timeZone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String alternatePhone,
        String company,
        String address,
        String city,
        String state,
        String postalCode,
        String country,
        String notes,
        List<String> tags,
        String businessContext,
        Map<String, Object> customFields,
        List<String> timeZones,
        String timeZoneSource,
        boolean customer,
        int notConnectedCount,
        int busyCount,
        int noAnswerCount,
        OffsetDateTime lastContactAt,
        String source,
        UUID sourceImportId,
        UUID sourceCallId,
        UUID duplicateOf) {

    static ContactView of(Contact c) {
        return new ContactView(c.id, c.phone, c.firstName, c.lastName, c.email, c.timeZone, c.createdAt, c.updatedAt,
                c.alternatePhone, c.company, c.address, c.city, c.state, c.postalCode, c.country, c.notes, List.copyOf(c.tags),
                c.businessContext, c.customFields, List.copyOf(c.timeZones), c.timeZoneSource, c.customer, c.notConnectedCount,
                c.busyCount, c.noAnswerCount, c.lastContactAt, c.source, c.sourceImportId, c.sourceCallId,
                c.duplicateOf);
    }
}
