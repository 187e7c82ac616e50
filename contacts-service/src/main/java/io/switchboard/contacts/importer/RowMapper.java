package io.switchboard.contacts.importer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import io.switchboard.contacts.consent.ConsentBatch;
import io.switchboard.contacts.consent.ConsentService;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.time.TimeZones;
import io.switchboard.platform.time.StorableTime;

/**
 * Turns one parsed record into a contact draft or the reasons it cannot be one. Pure: the same record, layout and
 * region always give the same outcome (unit-tested without infrastructure). Phones become E.164 with the row's
 * country calling code when the layout has one (ViciDial's phone_code), else the tenant's default region.
 */
final class RowMapper {

    static final int MAX_VALUE_LENGTH = 1000;

    /** ViciDial's standard lead file, in its fixed order; later columns are kept as custom fields extra_&lt;n&gt;. */
    static final List<String> VICIDIAL_COLUMNS = List.of("vendor_lead_code", "source_id", "list_id", "phone_code",
            "phone_number", "title", "first_name", "middle_initial", "last_name", "address1", "address2", "address3",
            "city", "state", "province", "postal_code", "country_code", "gender", "date_of_birth", "alt_phone", "email",
            "security_phrase", "comments", "rank", "owner");

    private static final Map<String, ContactField> VICIDIAL_FIELDS = Map.of("first_name", ContactField.FIRST_NAME,
            "last_name", ContactField.LAST_NAME, "city", ContactField.CITY, "state", ContactField.STATE, "postal_code",
            ContactField.POSTAL_CODE, "email", ContactField.EMAIL, "comments", ContactField.NOTES);

    private final List<String> columns;
    /** Per column: the field it fills, or null = custom field named after the column. */
    private final ContactField[] fields;
    private final boolean vicidial;
    private final String region;

    private RowMapper(List<String> columns, ContactField[] fields, boolean vicidial, String region) {
        this.columns = columns;
        this.fields = fields;
        this.vicidial = vicidial;
        this.region = region;
    }

    static RowMapper vicidial(String defaultRegion) {
        ContactField[] fields = new ContactField[VICIDIAL_COLUMNS.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = VICIDIAL_FIELDS.get(VICIDIAL_COLUMNS.get(i));
        }
        return new RowMapper(VICIDIAL_COLUMNS, fields, true, defaultRegion);
    }

    /**
     * A CSV layout from its header: an explicit {@code mapping} (column → field) first, else the field the header's
     * name is recognised as, else a custom field. Duplicate header names get a suffix (_2, _3) so no value is lost.
     *
     * @throws BadFileException when a mapped column is not in the header or no column is the phone
     */
    static RowMapper csv(List<String> header, Map<String, ContactField> mapping, String defaultRegion) throws BadFileException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : header) {
            String name = raw == null || raw.isBlank() ? "column_" + (names.size() + 1) : raw.trim();
            String unique = name;
            for (int n = 2; !seen.add(unique); n++) {
                unique = name + "_" + n;
            }
            names.add(unique);
        }
        for (String column : mapping.keySet()) {
            if (!names.contains(column)) {
                throw new BadFileException("the mapping names column '" + column + "', which is not in the file's header " + names);
            }
        }
        ContactField[] fields = new ContactField[names.size()];
        Set<ContactField> taken = new HashSet<>(mapping.values());
        for (int i = 0; i < fields.length; i++) {
            ContactField explicit = mapping.get(names.get(i));
            if (explicit != null) {
                fields[i] = explicit;
                continue;
            }
            Optional<ContactField> recognised = ContactField.recognise(names.get(i));
            if (recognised.isPresent() && taken.add(recognised.get())) {
                fields[i] = recognised.get();
            }
        }
        if (!java.util.Arrays.asList(fields).contains(ContactField.PHONE)) {
            throw new BadFileException("no column of the header " + names
                    + " is the phone number; name it phone or map it with map=<column>:phone");
        }
        return new RowMapper(List.copyOf(names), fields, false, defaultRegion);
    }

    RowOutcome map(long row, CSVRecord record) {
        List<RowIssue> issues = new ArrayList<>(0);
        String phoneColumn = vicidial ? "phone_number" : null;
        String rawPhone = null;
        String phoneCode = null;
        String altPhone = null;
        List<String> address = new ArrayList<>(0);
        ContactDraft draft = new ContactDraft(row, null);
        Map<ContactField, String> values = draft.fields;
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i).trim();
            String column = i < columns.size() ? columns.get(i) : "extra_" + (i + 1);
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                issues.add(new RowIssue(row, column, value, "longer than " + MAX_VALUE_LENGTH + " characters"));
                continue;
            }
            if (vicidial) {
                switch (column) {
                    case "phone_code" -> phoneCode = value;
                    case "phone_number" -> rawPhone = value;
                    case "alt_phone" -> altPhone = value;
                    case "address1", "address2", "address3" -> address.add(value);
                    case "country_code" -> {
                        if (value.length() == 2 && PhoneNumbers.isRegion(value)) {
                            values.put(ContactField.COUNTRY, value.toUpperCase(java.util.Locale.ROOT));
                        } else {
                            draft.custom.put(column, value);
                        }
                    }
                    default -> put(draft, i < fields.length ? fields[i] : null, column, value);
                }
                continue;
            }
            ContactField field = i < fields.length ? fields[i] : null;
            if (field == ContactField.PHONE) {
                phoneColumn = column;
                rawPhone = value;
            } else if (field == ContactField.ALTERNATE_PHONE) {
                altPhone = value;
            } else {
                put(draft, field, column, value);
            }
        }
        if (phoneColumn == null) {
            phoneColumn = columnOf(ContactField.PHONE);
        }
        if (!address.isEmpty()) {
            values.put(ContactField.ADDRESS, String.join(", ", address));
        }
        if (!issues.isEmpty()) {
            return new RowOutcome(row, null, issues);
        }
        if (rawPhone == null) {
            return rejected(row, phoneColumn, "", "the phone number is empty");
        }
        Integer countryCode = null;
        if (phoneCode != null) {
            try {
                countryCode = Integer.valueOf(phoneCode.replace("+", ""));
            } catch (NumberFormatException e) {
                return rejected(row, "phone_code", phoneCode, "not a country calling code (digits like 1 or 44)");
            }
        }
        Optional<PhoneNumbers.Parsed> phone = countryCode != null && !rawPhone.startsWith("+")
                ? PhoneNumbers.parse(countryCode, rawPhone) : PhoneNumbers.parse(rawPhone, region);
        if (phone.isEmpty()) {
            return rejected(row, phoneColumn, rawPhone, invalidPhoneReason(countryCode, rawPhone));
        }
        if (altPhone != null) {
            Optional<String> alternate = normalize(countryCode, altPhone);
            if (alternate.isPresent()) {
                values.put(ContactField.ALTERNATE_PHONE, alternate.get());
            } else {
                issues.add(new RowIssue(row, vicidial ? "alt_phone" : columnOf(ContactField.ALTERNATE_PHONE), altPhone,
                        "the alternate phone is not a valid number; imported without it"));
            }
        }
        ConsentBatch.Grant consent = null;
        if (values.keySet().stream().anyMatch(ContactField::consent)) {
            Map<ContactField, String> given = new java.util.EnumMap<>(ContactField.class);
            values.keySet().removeIf(field -> {
                if (field.consent()) {
                    given.put(field, values.get(field));
                }
                return field.consent();
            });
            RowIssue invalid = null;
            try {
                consent = consent(phone.get().e164(), given);
            } catch (InvalidConsent e) {
                invalid = new RowIssue(row, columnOf(e.field), given.getOrDefault(e.field, ""), e.getMessage());
            }
            if (invalid != null) {
                return new RowOutcome(row, null, List.of(invalid));
            }
        }
        String zone = values.get(ContactField.TIME_ZONE);
        if (zone != null && !TimeZones.isRegionId(zone)) {
            values.remove(ContactField.TIME_ZONE);
            issues.add(new RowIssue(row, columnOf(ContactField.TIME_ZONE), zone, "time zone " + TimeZones.MESSAGE
                    + "; imported without it"));
        }
        ContactDraft result = new ContactDraft(row, phone.get().e164());
        result.numberZones = phone.get().timeZones();
        result.fields.putAll(values);
        result.custom.putAll(draft.custom);
        result.consent = consent;
        return new RowOutcome(row, result, issues);
    }

    /** The consent a row's consent columns describe: the same rules as the consent API (type required, channel voice). */
    private static ConsentBatch.Grant consent(String phone, Map<ContactField, String> given) throws InvalidConsent {
        String type = given.get(ContactField.CONSENT_TYPE);
        if (type == null) {
            throw new InvalidConsent(ContactField.CONSENT_TYPE, "a row with consent columns needs the consent type, one of "
                    + ConsentBatch.TYPES);
        }
        type = type.toLowerCase(Locale.ROOT);
        if (!ConsentBatch.TYPES.contains(type)) {
            throw new InvalidConsent(ContactField.CONSENT_TYPE, "must be one of " + ConsentBatch.TYPES);
        }
        String channel = given.getOrDefault(ContactField.CONSENT_CHANNEL, ConsentService.VOICE).toLowerCase(Locale.ROOT);
        if (!ConsentBatch.CHANNELS.contains(channel)) {
            throw new InvalidConsent(ContactField.CONSENT_CHANNEL, "must be one of " + ConsentBatch.CHANNELS);
        }
        String source = given.getOrDefault(ContactField.CONSENT_SOURCE, ConsentBatch.IMPORT_SOURCE);
        if (source.length() > ConsentBatch.MAX_SOURCE) {
            throw new InvalidConsent(ContactField.CONSENT_SOURCE, "longer than " + ConsentBatch.MAX_SOURCE + " characters");
        }
        OffsetDateTime captured = time(given, ContactField.CONSENT_CAPTURED_AT);
        OffsetDateTime expires = time(given, ContactField.CONSENT_EXPIRES_AT);
        if (expires != null && !expires.isAfter(captured == null ? OffsetDateTime.now(ZoneOffset.UTC) : captured)) {
            throw new InvalidConsent(ContactField.CONSENT_EXPIRES_AT, captured == null
                    ? "must be in the future (the consent is captured now: no capture time column)"
                    : "must be after the consent capture time");
        }
        return new ConsentBatch.Grant(phone, channel, type, source, captured, given.get(ContactField.CONSENT_EVIDENCE), expires);
    }

    /** An ISO-8601 instant with offset (2026-11-20T09:12:00Z) or a date (2026-11-20, midnight UTC), years 1..9999. */
    private static OffsetDateTime time(Map<ContactField, String> given, ContactField field) throws InvalidConsent {
        String value = given.get(field);
        if (value == null) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidConsent(field, "not a date-time like 2026-11-20T09:12:00Z or a date like 2026-11-20");
        }
        if (!StorableTime.Validator.isStorable(parsed)) {
            throw new InvalidConsent(field, "must be between 0001-01-01 and 9999-12-31");
        }
        return parsed.truncatedTo(ChronoUnit.MICROS);
    }

    /** A consent column's value the consent rules refuse: the row fails naming that column. */
    private static final class InvalidConsent extends Exception {
        final ContactField field;

        InvalidConsent(ContactField field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    private static void put(ContactDraft draft, ContactField field, String column, String value) {
        if (field == null) {
            draft.custom.put(column, value);
        } else if (field != ContactField.IGNORE) {
            draft.fields.put(field, value);
        }
    }

    private Optional<String> normalize(Integer countryCode, String raw) {
        return countryCode != null && !raw.startsWith("+") ? PhoneNumbers.e164(countryCode, raw) : PhoneNumbers.e164(raw, region);
    }

    private String invalidPhoneReason(Integer countryCode, String raw) {
        if (countryCode == null && !raw.startsWith("+") && region == null) {
            return "not an international number (+<country code>…), and the tenant has no default region for national"
                    + " numbers (contact settings defaultRegion)";
        }
        return "not a valid phone number";
    }

    private String columnOf(ContactField field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == field) {
                return columns.get(i);
            }
        }
        return field.wire();
    }

    private static RowOutcome rejected(long row, String column, String value, String reason) {
        return new RowOutcome(row, null, List.of(new RowIssue(row, column, value, reason)));
    }
}
