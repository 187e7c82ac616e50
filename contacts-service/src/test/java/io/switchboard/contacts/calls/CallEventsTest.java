package io.switchboard.contacts.calls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicWriter;

@QuarkusTest
class CallEventsTest {

    private static final String OUR_NUMBER = "+14155559999";

    @Inject
    IdempotentConsumer consumer;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aCallToAnUnknownNumberThroughKafkaCreatesTheContactAndItsOutcomeCounts() {
        String callId = UUID.randomUUID().toString();
        send(callId, EventCodec.serialize(created(callId, "outbound", OUR_NUMBER, "+14155550201")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> contacts("+14155550201").size() == 1);
        JsonPath contact = contact("+14155550201");
        assertEquals("webhook", contact.getString("source"));
        assertEquals(callId, contact.getString("sourceCallId"));

        // call.completed without a contact id finds the contact through the call
        send(callId, EventCodec.serialize(completed(callId, "busy", null, null)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> contact("+14155550201").getInt("busyCount") == 1);
        assertEquals("2026-11-21T15:10:00Z", contact("+14155550201").getString("lastContactAt"));
    }

    @Test
    void theSameEventTwiceCreatesOneContactAndCountsOnce() {
        String callId = UUID.randomUUID().toString();
        byte[] created = EventCodec.serialize(created(callId, "inbound", "+14155550202", OUR_NUMBER));
        assertEquals(IdempotentConsumer.Outcome.APPLIED, consumer.consume(created));
        assertEquals(IdempotentConsumer.Outcome.DUPLICATE, consumer.consume(created));
        byte[] completed = EventCodec.serialize(completed(callId, "completed", "not connected", null));
        consumer.consume(completed);
        consumer.consume(completed);

        JsonPath contact = contact("+14155550202"); // the caller of an inbound call
        assertEquals(1, contact.getInt("notConnectedCount"));
        assertEquals(0, contact.getInt("busyCount"));
        assertEquals(1, contacts("+14155550202").size());
        assertEquals(0, contacts(OUR_NUMBER).size());
    }

    @Test
    void aKnownNumberIsLinkedNotDuplicatedAndTheLaterContactTimeIsKept() {
        asTenant().contentType(ContentType.JSON).body("{\"phone\":\"+14155550203\",\"firstName\":\"Ada\"}")
                .post("/api/v1/contacts").then().statusCode(201);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        consumer.consume(EventCodec.serialize(created(first, "outbound", OUR_NUMBER, "+14155550203")));
        consumer.consume(EventCodec.serialize(created(second, "outbound", OUR_NUMBER, "+14155550203")));
        consumer.consume(EventCodec.serialize(completed(second, "no_answer", null, null)));
        // an earlier call reported late does not move the last contact time back
        consumer.consume(EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "calls-service", tenant,
                new CallCompletedV1(first, "no_answer", null, 0, null, null, null, Instant.parse("2026-11-20T00:00:00Z")))));

        JsonPath contact = contact("+14155550203");
        assertEquals("Ada", contact.getString("firstName"));
        assertEquals("api", contact.getString("source"));
        assertEquals(2, contact.getInt("noAnswerCount"));
        assertEquals("2026-11-21T15:10:00Z", contact.getString("lastContactAt"));
    }

    @Test
    void aCompletedCallWithoutALinkCountsAgainstTheContactItNamesIfItIsTheTenants() {
        String id = asTenant().contentType(ContentType.JSON).body("{\"phone\":\"+14155550205\"}")
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        consumer.consume(EventCodec.serialize(completed(UUID.randomUUID().toString(), "failed", null, id)));
        // another tenant's event naming this contact changes nothing
        consumer.consume(EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "calls-service", UUID.randomUUID(),
                new CallCompletedV1(UUID.randomUUID().toString(), "busy", null, 0, null, null, id, Instant.now()))));
        JsonPath contact = contact("+14155550205");
        assertEquals(1, contact.getInt("notConnectedCount"));
        assertEquals(0, contact.getInt("busyCount"));
    }

    @Test
    void withAutoCreationOffAnUnknownNumberMakesNoContact() {
        asTenant().contentType(ContentType.JSON).body("{\"autoCreateContacts\":false}").put("/api/v1/contact-settings")
                .then().statusCode(200).body("autoCreateContacts", equalTo(false));
        String callId = UUID.randomUUID().toString();
        consumer.consume(EventCodec.serialize(created(callId, "outbound", OUR_NUMBER, "+14155550204")));
        consumer.consume(EventCodec.serialize(completed(callId, "busy", null, null)));
        assertEquals(0, contacts("+14155550204").size());
    }

    private EventEnvelope<CallCreatedV1> created(String callId, String direction, String from, String to) {
        return EventCodec.newEvent(EventCatalog.CALL_CREATED, "calls-service", tenant,
                new CallCreatedV1(callId, direction, "queued", from, to, null, null, null, Instant.parse("2026-11-21T15:00:00Z")));
    }

    private EventEnvelope<CallCompletedV1> completed(String callId, String status, String disposition, String contactId) {
        return EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "calls-service", tenant,
                new CallCompletedV1(callId, status, disposition, 30, null, null, contactId, Instant.parse("2026-11-21T15:10:00Z")));
    }

    private static void send(String key, byte[] event) {
        TopicWriter.send(Topics.CALLS, key, event);
    }

    private List<Object> contacts(String phone) {
        return asTenant().queryParam("phone", phone).get("/api/v1/contacts").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private JsonPath contact(String phone) {
        return new JsonPath(asTenant().queryParam("phone", phone).get("/api/v1/contacts").asString()).setRootPath("items[0]");
    }

    private RequestSpecification asTenant() {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
