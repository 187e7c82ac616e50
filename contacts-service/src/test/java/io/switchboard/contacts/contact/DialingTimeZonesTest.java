package io.switchboard.contacts.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DialingTimeZonesTest {

    @Test
    void anExplicitZoneWinsOverTheNumber() {
        assertEquals(new DialingTimeZones(List.of("Europe/Paris"), "explicit"),
                DialingTimeZones.resolve("Europe/Paris", "+14155550123", "UTC"));
    }

    @Test
    void withoutAnExplicitZoneTheNumberGivesIt() {
        assertEquals(new DialingTimeZones(List.of("America/Los_Angeles"), "number"),
                DialingTimeZones.resolve(null, "+14155550123", "Europe/Paris"));
    }

    @Test
    void anAmbiguousNumberKeepsEveryCandidateZone() {
        DialingTimeZones zones = DialingTimeZones.resolve(" ", "+18005550123", null);
        assertEquals("number", zones.source());
        assertTrue(zones.zones().size() > 1, zones::toString);
    }

    @Test
    void aNumberWithoutAKnownZoneFallsBackToTheTenantDefaultThenToNone() {
        // +800: international freephone, no geography
        assertEquals(new DialingTimeZones(List.of("Europe/Paris"), "tenant_default"),
                DialingTimeZones.resolve(null, "+80012345678", "Europe/Paris"));
        DialingTimeZones none = DialingTimeZones.resolve(null, "+80012345678", null);
        assertEquals(List.of(), none.zones());
        assertNull(none.source());
    }
}
