package io.switchboard.platform.phone;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * E.164 normalization with libphonenumber: the one form every service stores, publishes and dials, and the
 * one rule for which time zones a number can ring in.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The E.164 form of a valid international number (leading '+'), or empty. */
    public static Optional<String> e164(String raw) {
        if (raw == null || !raw.trim().startsWith("+")) {
            return Optional.empty();
        }
        return parse(raw, null);
    }

    /**
     * The E.164 form of a valid number written internationally (leading '+') or nationally for
     * {@code defaultRegion} (ISO 3166-1 alpha-2, e.g. {@code US}); empty if invalid, or if it is national and
     * no region is given.
     */
    public static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.trim().startsWith("+")) {
            return e164(raw);
        }
        if (defaultRegion == null || !isRegion(defaultRegion)) {
            return Optional.empty();
        }
        return parse(raw, defaultRegion.toUpperCase(Locale.ROOT));
    }

    /**
     * The E.164 form of a national number given with its country calling code, as lead files carry them
     * (ViciDial's {@code phone_code} 1 + {@code phone_number} 4155550123); empty if invalid.
     */
    public static Optional<String> e164(int countryCallingCode, String nationalNumber) {
        String region = UTIL.getRegionCodeForCountryCode(countryCallingCode);
        if (nationalNumber == null || nationalNumber.isBlank() || "ZZ".equals(region)) {
            return Optional.empty();
        }
        if (!"001".equals(region)) {
            return parse(nationalNumber, region);
        }
        return e164("+" + countryCallingCode + nationalNumber);
    }

    /** Whether libphonenumber knows {@code region} (ISO 3166-1 alpha-2, any case). */
    public static boolean isRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
    }

    /**
     * Every IANA zone the number may ring in, sorted, per libphonenumber's time-zone mapper: one for most
     * numbers, several where a country or area code spans zones (e.g. a US toll-free number), empty when unknown.
     */
    public static List<String> timeZones(String e164) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(e164, null);
            List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
            return zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
                    ? List.of()
                    : zones.stream().sorted().toList();
        } catch (NumberParseException e) {
            return List.of();
        }
    }

    private static Optional<String> parse(String raw, String region) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, region);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
