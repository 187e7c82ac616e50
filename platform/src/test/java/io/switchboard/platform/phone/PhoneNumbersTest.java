package io.switchboard.platform.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void anInternationalNumberIsNormalizedToE164() {
        assertEquals(Optional.of("+14155550123"), PhoneNumbers.e164("+1 (415) 555-0123"));
    }

    @Test
    void aNationalNumberNeedsTheDefaultRegion() {
        assertEquals(Optional.empty(), PhoneNumbers.e164("(415) 555-0123"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("(415) 555-0123", null));
        assertEquals(Optional.of("+14155550123"), PhoneNumbers.e164("(415) 555-0123", "us"));
        assertEquals(Optional.of("+442079460958"), PhoneNumbers.e164("020 7946 0958", "GB"));
    }

    @Test
    void anUnknownRegionOrAnInvalidNumberGivesNothing() {
        assertEquals(Optional.empty(), PhoneNumbers.e164("4155550123", "XX"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("12", "US"));
        assertEquals(Optional.empty(), PhoneNumbers.e164("+1 415", "US"));
    }

    @Test
    void aLeadFilesCountryCodePlusNationalNumberIsNormalized() {
        assertEquals(Optional.of("+14155550123"), PhoneNumbers.e164(1, "4155550123"));
        assertEquals(Optional.of("+4915123456789"), PhoneNumbers.e164(49, "015123456789"));
        assertEquals(Optional.empty(), PhoneNumbers.e164(999, "4155550123"));
    }

    @Test
    void aGeographicNumberMapsToItsOneZone() {
        assertEquals(List.of("America/Los_Angeles"), PhoneNumbers.timeZones("+14155550123"));
        assertEquals(List.of("Europe/Berlin"), PhoneNumbers.timeZones("+4930123456"));
    }

    @Test
    void aNumberSpanningSeveralZonesKeepsEveryCandidate() {
        List<String> tollFree = PhoneNumbers.timeZones("+18005550123");
        assertTrue(tollFree.size() > 1, () -> "US toll-free spans zones: " + tollFree);
        assertTrue(tollFree.contains("America/New_York") && tollFree.contains("America/Los_Angeles"), tollFree::toString);
    }

    @Test
    void anUnparseableNumberHasNoZone() {
        assertEquals(List.of(), PhoneNumbers.timeZones("not a number"));
    }

    @Test
    void parsingOnceGivesTheSameE164AndZonesAsTheSeparateCalls() {
        assertEquals(Optional.of(new PhoneNumbers.Parsed("+14155550123", List.of("America/Los_Angeles"))),
                PhoneNumbers.parse("(415) 555-0123", "US"));
        assertEquals(Optional.of(new PhoneNumbers.Parsed("+4930123456", PhoneNumbers.timeZones("+4930123456"))),
                PhoneNumbers.parse(49, "030123456"));
        assertEquals(PhoneNumbers.timeZones("+18005550123"), PhoneNumbers.parse("+1 800 555 0123", null).orElseThrow().timeZones());
        assertEquals(Optional.empty(), PhoneNumbers.parse("4155550123", null));
        assertEquals(Optional.empty(), PhoneNumbers.parse("12345", "US"));
    }

    @Test
    void aNumbersRegionIsItsCountryAndNonGeographicOrInvalidNumbersHaveNone() {
        assertEquals(Optional.of("US"), PhoneNumbers.region("+14155550123"));
        assertEquals(Optional.of("GB"), PhoneNumbers.region("+44 20 7946 0958"));
        assertEquals(Optional.empty(), PhoneNumbers.region("+80012345678"));
        assertEquals(Optional.empty(), PhoneNumbers.region("4155550123"));
        assertEquals(Optional.empty(), PhoneNumbers.region(null));
    }
}
