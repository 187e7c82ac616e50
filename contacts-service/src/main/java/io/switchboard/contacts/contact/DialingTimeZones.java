package io.switchboard.contacts.contact;

import java.util.List;
import java.util.function.Supplier;

import io.switchboard.platform.phone.PhoneNumbers;

/**
 * The zones the dialer must honour for a contact, and where they came from: the zone the client stated;
 * else every zone libphonenumber maps the number to (all candidates when the number alone is ambiguous, so
 * the dialer can require the calling window in each); else the tenant default; else none (source null).
 */
public record DialingTimeZones(List<String> zones, String source) {

    public static final String EXPLICIT = "explicit";
    public static final String NUMBER = "number";
    public static final String TENANT_DEFAULT = "tenant_default";

    public static DialingTimeZones resolve(String explicitZone, String e164, String tenantDefaultZone) {
        return resolve(explicitZone, () -> PhoneNumbers.timeZones(e164), tenantDefaultZone);
    }

    /** The same rule with the number's zones already known (a bulk writer parsed the number once). */
    public static DialingTimeZones resolve(String explicitZone, Supplier<List<String>> numberZones, String tenantDefaultZone) {
        if (explicitZone != null && !explicitZone.isBlank()) {
            return new DialingTimeZones(List.of(explicitZone), EXPLICIT);
        }
        List<String> fromNumber = numberZones.get();
        if (!fromNumber.isEmpty()) {
            return new DialingTimeZones(fromNumber, NUMBER);
        }
        if (tenantDefaultZone != null && !tenantDefaultZone.isBlank()) {
            return new DialingTimeZones(List.of(tenantDefaultZone), TENANT_DEFAULT);
        }
        return new DialingTimeZones(List.of(), null);
    }
}
