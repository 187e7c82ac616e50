package io.switchboard.contacts.importer;

import java.util.Locale;
import java.util.Optional;

/**
 * What a row does whose phone number already belongs to a contact (an existing one, or one an earlier row of the same
 * file created): {@code skip} it, or {@code update} that contact with the row's non-empty values. There is no
 * {@code keep_both}: a phone number identifies exactly one contact of a tenant (constraint contact_tenant_phone_unique),
 * so a second contact with the same number cannot exist; the API refuses it with 400 saying so.
 */
public enum DuplicatePolicy {
    SKIP, UPDATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DuplicatePolicy> parse(String value) {
        return ImportFormat.wire(values(), value);
    }
}
