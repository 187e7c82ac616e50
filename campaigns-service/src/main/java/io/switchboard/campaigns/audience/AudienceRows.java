package io.switchboard.campaigns.audience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.time.TimeZones;

/**
 * How one CSV row becomes a queue row (pure, no I/O): the header names the columns; {@code phone} (or
 * {@code phone_number}, {@code number}) is required; {@code contact_id} and {@code time_zone} are optional and
 * recognised; every other column is a variable handed to the agent under its header name (blank values left out).
 */
public final class AudienceRows {

    static final Set<String> PHONE_COLUMNS = Set.of("phone", "phone_number", "number");
    static final String CONTACT_COLUMN = "contact_id";
    static final String ZONE_COLUMN = "time_zone";
    static final int MAX_VARIABLES = 100;

    /** A usable row, or the reason it is not (with the column it is about). */
    public record Mapped(String phone, List<String> zones, UUID contactId, Map<String, String> variables, String field, String reason) {
        boolean valid() {
            return reason == null;
        }
    }

    /** Lower-cased, to recognise columns; variables keep the file's own names ({@link #names}). */
    private final List<String> header;
    private final List<String> names;
    private final int phoneIndex;
    private final String region;

    private AudienceRows(List<String> header, List<String> names, int phoneIndex, String region) {
        this.header = header;
        this.names = names;
        this.phoneIndex = phoneIndex;
        this.region = region;
    }

    /** Empty when no column is a phone column (the whole file is refused). */
    public static Optional<AudienceRows> forHeader(List<String> rawHeader, String region) {
        List<String> names = rawHeader.stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
        List<String> header = names.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < header.size(); i++) {
            if (PHONE_COLUMNS.contains(header.get(i))) {
                return Optional.of(new AudienceRows(header, names, i, region));
            }
        }
        return Optional.empty();
    }

    public Mapped map(List<String> values) {
        String raw = phoneIndex < values.size() ? values.get(phoneIndex).strip() : "";
        if (raw.isEmpty()) {
            return invalid(header.get(phoneIndex), "is empty");
        }
        Optional<PhoneNumbers.Parsed> parsed = PhoneNumbers.parse(raw, region);
        if (parsed.isEmpty()) {
            return invalid(header.get(phoneIndex), region == null
                    ? "is not a valid international number (+ and country code; set the campaign's defaultRegion for national numbers)"
                    : "is not a valid number");
        }
        UUID contactId = null;
        List<String> zones = parsed.get().timeZones();
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            String name = header.get(i);
            String value = values.get(i).strip();
            if (i == phoneIndex || value.isEmpty() || name.isEmpty()) {
                continue;
            }
            if (name.equals(CONTACT_COLUMN)) {
                try {
                    contactId = UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    return invalid(CONTACT_COLUMN, "is not a UUID");
                }
            } else if (name.equals(ZONE_COLUMN)) {
                if (!TimeZones.isRegionId(value)) {
                    return invalid(ZONE_COLUMN, TimeZones.MESSAGE);
                }
                zones = List.of(value);
            } else if (variables.size() < MAX_VARIABLES) {
                variables.put(names.get(i), value);
            }
        }
        return new Mapped(parsed.get().e164(), new ArrayList<>(zones), contactId, variables, null, null);
    }

    private static Mapped invalid(String field, String reason) {
        return new Mapped(null, null, null, null, field, reason);
    }
}
