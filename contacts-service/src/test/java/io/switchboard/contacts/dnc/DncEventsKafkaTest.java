package io.switchboard.contacts.dnc;

import static io.switchboard.contacts.dnc.DncTestData.asTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.testsupport.TopicReader;

/** The dialer's view: a number's opt-out and DNC events arrive on switchboard.contacts, keyed by the number, in order. */
@QuarkusTest
class DncEventsKafkaTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aNumbersOptOutAndDncEventsReachKafkaKeyedByTheNumberInOrder() {
        String phone = DncTestData.randomUsNumber();
        try (TopicReader reader = TopicReader.fromNow(Topics.CONTACTS)) {
            String optOut = asTenant(tenant).contentType(ContentType.JSON)
                    .body("{\"phone\":\"" + phone + "\",\"channel\":\"voice\"}").post("/api/v1/opt-outs")
                    .then().statusCode(201).extract().path("id");
            asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}")
                    .post("/api/v1/dnc/lists/internal/numbers").then().statusCode(201);
            asTenant(tenant).delete("/api/v1/dnc/lists/internal/numbers/{phone}", phone).then().statusCode(204);
            asTenant(tenant).delete("/api/v1/opt-outs/" + optOut).then().statusCode(204);

            reader.await(r -> phone.equals(r.key()) && type(r).equals("io.switchboard.optout.removed.v1")
                    && tenant.equals(EventCodec.deserialize(r.value()).tenantId()), Duration.ofSeconds(30));
            List<String> types = reader.withKey(phone).stream()
                    .filter(r -> tenant.equals(EventCodec.deserialize(r.value()).tenantId()))
                    .map(DncEventsKafkaTest::type).toList();
            assertEquals(List.of("io.switchboard.optout.added.v1", "io.switchboard.dnc.number_added.v1",
                    "io.switchboard.dnc.number_removed.v1", "io.switchboard.optout.removed.v1"), types);
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event = EventCodec.deserialize(record.value());
        return event.type().type();
    }
}
