package io.switchboard.contacts.importer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.contacts.consent.ConsentBatch;

/** One row as a contact: E.164 phone, the mapped fields (non-empty only) and the unmapped columns as custom fields. */
final class ContactDraft {

    final long row;
    final String phone;
    final Map<ContactField, String> fields = new EnumMap<>(ContactField.class);
    final Map<String, String> custom = new LinkedHashMap<>();
    /** The consent the row records for its contact (from its consent columns), or null. */
    ConsentBatch.Grant consent;
    /** The zones the phone number may ring in, found when it was parsed. */
    List<String> numberZones = List.of();
    /** Filled by the writer: the dialing zones (explicit > number > tenant default). */
    List<String> timeZones = List.of();
    String timeZoneSource;

    ContactDraft(long row, String phone) {
        this.row = row;
        this.phone = phone;
    }

    String get(ContactField field) {
        return fields.get(field);
    }

    /** A later row for the same phone (policy update): its non-empty values win. */
    void absorb(ContactDraft later) {
        fields.putAll(later.fields);
        custom.putAll(later.custom);
    }
}
