package io.switchboard.platform.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    @ParameterizedTest
    @ValueSource(strings = { "Europe/London", "America/New_York", "America/Argentina/Buenos_Aires", "Asia/Kolkata",
            "Australia/Lord_Howe", "Pacific/Chatham", "UTC" })
    void ianaRegionIdsAreAccepted(String zone) {
        assertTrue(TimeZones.isRegionId(zone), zone);
    }

    @ParameterizedTest
    @ValueSource(strings = { "GMT+1", "EST", "Z", "+02:00", "UTC+2", "GMT", "CET", "SystemV/EST5", "Etc/GMT-3",
            "US/Eastern", "Europe/Nowhere", "europe/london", " Europe/London", "", "Europe/" })
    void offsetsAbbreviationsAndAliasesAreRefused(String zone) {
        assertFalse(TimeZones.isRegionId(zone), zone);
    }

    @Test
    void everyAcceptedIdIsAZoneJavaKnows() {
        ZoneId.getAvailableZoneIds().stream().filter(TimeZones::isRegionId)
                .forEach(id -> assertTrue(TimeZones.region(id).isPresent()));
        assertFalse(TimeZones.isRegionId(null));
    }
}
