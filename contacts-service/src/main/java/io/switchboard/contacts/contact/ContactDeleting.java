package io.switchboard.contacts.contact;

import java.util.UUID;

/**
 * Fired (synchronously, inside the delete's transaction) just before a contact is deleted, so features whose rows
 * cascade with it can publish what they lose or refuse the delete, without this package depending on them.
 */
public record ContactDeleting(UUID tenantId, UUID contactId) {
}
