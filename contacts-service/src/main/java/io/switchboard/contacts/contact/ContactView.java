package io.switchboard.contacts.contact;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the API returns for a contact; entities never leave the service. */
public record ContactView(
        UUID id,
        String phone,
        String firstName,
        String lastName,
        String email,
        String timeZone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ContactView of(Contact contact) {
        return new ContactView(contact.id, contact.phone, contact.firstName, contact.lastName, contact.email,
                contact.timeZone, contact.createdAt, contact.updatedAt);
    }
}
