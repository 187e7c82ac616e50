package io.switchboard.contacts.settings;

import java.time.OffsetDateTime;

/** A tenant's settings as the API shows them; {@code updatedAt} is null while the tenant has the defaults. */
public record ContactSettingsView(
        String defaultRegion,
        String defaultTimeZone,
        boolean autoCreateContacts,
        boolean saveMemories,
        OffsetDateTime updatedAt) {

    static ContactSettingsView of(ContactSettings s) {
        return new ContactSettingsView(s.defaultRegion, s.defaultTimeZone, s.autoCreateContacts, s.saveMemories, s.updatedAt);
    }
}
