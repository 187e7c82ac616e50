package io.switchboard.contacts.importer;

import java.util.Locale;
import java.util.Optional;

/**
 * What a row does whose phone number already belongs to a contact (an existing one, or one an earlier row of the same
 * file created): {@code skip} it, {@code update} that contact with the row's non-empty values, or {@code keep_both}:
 * the row becomes another contact with the same phone, marked as a possible duplicate of the phone's primary contact
 * ({@code duplicate_of}, see contact {@code Duplicates}).
 */
public enum DuplicatePolicy {
    SKIP, UPDATE, KEEP_BOTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DuplicatePolicy> parse(String value) {
        return ImportFormat.wire(values(), value);
    }
}
