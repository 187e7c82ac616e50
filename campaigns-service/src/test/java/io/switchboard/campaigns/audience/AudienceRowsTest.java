package io.switchboard.campaigns.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.campaigns.queue.QueueWriter;

class AudienceRowsTest {

    @Test
    void aNationalNumberIsReadInTheRegionAndOtherColumnsBecomeVariables() {
        AudienceRows rows = AudienceRows.forHeader(List.of("\uFEFFPhone", "First Name", "plan"), "US").orElseThrow();
        AudienceRows.Mapped row = rows.map(List.of("(415) 555-0123", "Ada", ""));
        assertTrue(row.valid());
        assertEquals("+14155550123", row.phone());
        assertEquals(List.of("America/Los_Angeles"), row.zones());
        assertEquals(Map.of("First Name", "Ada"), row.variables());
    }

    @Test
    void anExplicitZoneWinsAndBadValuesNameTheirColumn() {
        AudienceRows rows = AudienceRows.forHeader(List.of("number", "time_zone", "contact_id"), null).orElseThrow();
        assertEquals(List.of("Europe/Paris"), rows.map(List.of("+14155550123", "Europe/Paris", "")).zones());
        assertEquals("time_zone", rows.map(List.of("+14155550123", "Mars/Olympus", "")).field());
        assertEquals("contact_id", rows.map(List.of("+14155550123", "", "x")).field());
        AudienceRows.Mapped national = rows.map(List.of("4155550123", "", ""));
        assertFalse(national.valid());
        assertEquals("number", national.field());
    }

    @Test
    void aHeaderWithoutAPhoneColumnIsRefused() {
        assertTrue(AudienceRows.forHeader(List.of("name", "email"), "US").isEmpty());
    }

    @Test
    void zonesAreNeverEmpty() {
        assertEquals(List.of("Asia/Tokyo"), QueueWriter.zonesFor(List.of(), "+80012345678", "Asia/Tokyo"));
        assertEquals(List.of("UTC"), QueueWriter.zonesFor(null, "+80012345678", null));
        assertEquals(List.of("America/Los_Angeles"), QueueWriter.zonesFor(null, "+14155550123", "UTC"));
    }
}
