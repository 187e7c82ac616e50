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

    /** A valid number in E.164 with the zones it may ring in ({@link #timeZones}), from a single parse. */
    public record Parsed(String e164, List<String> timeZones) {
    }

    /** The E.164 form of a valid international number (leading '+'), or empty. */
    public static Optional<String> e164(String raw) {
        return valid(raw).map(PhoneNumbers::format);
    }

    /**
     * The E.164 form of a valid number written internationally (leading '+') or nationally for
     * {@code defaultRegion} (ISO 3166-1 alpha-2, e.g. {@code US}); empty if invalid, or if it is national and
     * no region is given.
     */
    public static Optional<String> e164(String raw, String defaultRegion) {
        return valid(raw, defaultRegion).map(PhoneNumbers::format);
    }

    /**
     * The E.164 form of a national number given with its country calling code, as lead files carry them
     * (ViciDial's {@code phone_code} 1 + {@code phone_number} 4155550123); empty if invalid.
     */
    public static Optional<String> e164(int countryCallingCode, String nationalNumber) {
        return valid(countryCallingCode, nationalNumber).map(PhoneNumbers::format);
    }

    /** {@link #e164(String, String)} and the number's {@link #timeZones} from one parse, for bulk writers (list imports). */
    public static Optional<Parsed> parse(String raw, String defaultRegion) {
        return valid(raw, defaultRegion).map(PhoneNumbers::parsed);
    }

    /** {@link #e164(int, String)} and the number's {@link #timeZones} from one parse. */
    public static Optional<Parsed> parse(int countryCallingCode, String nationalNumber) {
        return valid(countryCallingCode, nationalNumber).map(PhoneNumbers::parsed);
    }

    private static Optional<Phonenumber.PhoneNumber> valid(String raw) {
        if (raw == null || !raw.trim().startsWith("+")) {
            return Optional.empty();
        }
        return valid(raw, (String) null);
    }

    private static Optional<Phonenumber.PhoneNumber> valid(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.trim().startsWith("+")) {
            return validIn(raw, null);
        }
        if (defaultRegion == null || !isRegion(defaultRegion)) {
            return Optional.empty();
        }
        return validIn(raw, defaultRegion.toUpperCase(Locale.ROOT));
    }

    private static Optional<Phonenumber.PhoneNumber> valid(int countryCallingCode, String nationalNumber) {
        String region = UTIL.getRegionCodeForCountryCode(countryCallingCode);
        if (nationalNumber == null || nationalNumber.isBlank() || "ZZ".equals(region)) {
            return Optional.empty();
        }
        if (!"001".equals(region)) {
            return validIn(nationalNumber, region);
        }
        return valid("+" + countryCallingCode + nationalNumber);
    }

    /**
     * The ISO 3166-1 alpha-2 region a valid international number belongs to ({@code +14155550123} → {@code US});
     * empty if invalid or non-geographic (+800, +882 …).
     */
    public static Optional<String> region(String raw) {
        return valid(raw).map(UTIL::getRegionCodeForNumber).filter(r -> r != null && !"001".equals(r) && !"ZZ".equals(r));
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
            return timeZones(UTIL.parse(e164, null));
        } catch (NumberParseException e) {
            return List.of();
        }
    }

    private static List<String> timeZones(Phonenumber.PhoneNumber number) {
        List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
        return zones.contains(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
                ? List.of()
                : zones.stream().sorted().toList();
    }

    private static String format(Phonenumber.PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static Parsed parsed(Phonenumber.PhoneNumber number) {
        return new Parsed(format(number), timeZones(number));
    }

    private static Optional<Phonenumber.PhoneNumber> validIn(String raw, String region) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, region);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
