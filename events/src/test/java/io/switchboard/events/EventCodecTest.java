package io.switchboard.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.events.call.CallCreatedV1;

class EventCodecTest {

    private final UUID tenant = UUID.randomUUID();
    private final CallCreatedV1 payload = new CallCreatedV1(UUID.randomUUID().toString(), "outbound", "queued",
            "+14155550100", "+14155550123", null, null, null, Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void roundTripKeepsEveryAttributeAndThePayload() {
        EventEnvelope<CallCreatedV1> event = EventCodec.newEvent(EventCatalog.CALL_CREATED, "/switchboard/calls-service", tenant, payload);
        EventEnvelope<?> back = EventCodec.deserialize(EventCodec.serialize(event));
        assertEquals(event, back);
        assertArrayEquals(EventCodec.serialize(event), EventCodec.serialize(back));
    }

    @Test
    void structuredModeCarriesCloudEventsAttributesTenantExtensionAndJsonData() throws Exception {
        EventEnvelope<CallCreatedV1> event = EventCodec.newEvent(EventCatalog.CALL_CREATED, "/switchboard/calls-service", tenant, payload);
        JsonNode json = EventCodec.payloadMapper().readTree(EventCodec.serialize(event));
        assertEquals("1.0", json.get("specversion").asText());
        assertEquals("io.switchboard.call.created.v1", json.get("type").asText());
        assertEquals(payload.callId(), json.get("subject").asText());
        assertEquals(tenant.toString(), json.get("tenantid").asText());
        assertTrue(json.get("time").asText().endsWith("Z"), "time is UTC");
        assertEquals("+14155550123", json.get("data").get("toNumber").asText(), "data is embedded JSON, not base64");
    }

    @Test
    void unknownTypeAndGarbageAreRejectedWithAClearReason() {
        String unknown = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/x\",\"type\":\"io.switchboard.nope.v1\",\"subject\":\"s\",\"tenantid\":\"" + tenant
                + "\",\"time\":\"2026-11-21T10:00:00Z\",\"data\":{}}";
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventCodec.deserialize(unknown.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("unknown event type"));
        assertThrows(InvalidEventException.class, () -> EventCodec.deserialize("{not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eventWithoutTenantIsRejected() {
        String noTenant = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/x\",\"type\":\"io.switchboard.call.created.v1\",\"subject\":\"s\",\"time\":\"2026-11-21T10:00:00Z\",\"data\":{}}";
        assertThrows(InvalidEventException.class, () -> EventCodec.deserialize(noTenant.getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> EventCodec.newEvent(EventCatalog.CALL_CREATED, "/x", null, payload));
    }
}
