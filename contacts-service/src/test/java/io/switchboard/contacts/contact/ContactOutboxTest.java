package io.switchboard.contacts.contact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TopicReader;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
class ContactOutboxTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Inject
    ContactService service;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void createdContactIsPublishedKeyedByContactIdExactlyAsWrittenToTheOutbox() {
        try (TopicReader reader = TopicReader.fromNow(Topics.CONTACTS)) {
            String contactId = asTenant(tenant).contentType(ContentType.JSON)
                    .body("{\"phone\":\"+14155550123\",\"firstName\":\"Ada\",\"timeZone\":\"America/Los_Angeles\"}")
                    .when().post("/api/v1/contacts")
                    .then().statusCode(201).extract().path("id");
            ConsumerRecord<String, byte[]> record = reader.awaitKey(contactId, ARRIVAL);

            assertArrayEquals(outboxRow(contactId).getBytes(StandardCharsets.UTF_8), record.value());
            EventEnvelope<?> event = EventCodec.deserialize(record.value());
            assertEquals("io.switchboard.contact.created.v1", event.type().type());
            assertEquals(tenant, event.tenantId());
            ContactCreatedV1 data = (ContactCreatedV1) event.data();
            assertEquals(contactId, data.contactId());
            assertEquals("+14155550123", data.phone());
            assertEquals("America/Los_Angeles", data.timeZone());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(contactId) != null);
        }
    }

    @Test
    void everyCandidateDialingZoneAndItsSourceArePublishedOnCreateAndOnUpdate() {
        // +1 800 is toll-free: libphonenumber maps it to every US zone, and the dialer must honour all of them
        try (TopicReader reader = TopicReader.fromNow(Topics.CONTACTS)) {
            io.restassured.path.json.JsonPath created = asTenant(tenant).contentType(ContentType.JSON)
                    .body("{\"phone\":\"+18005550199\"}").post("/api/v1/contacts").then().statusCode(201).extract().jsonPath();
            String contactId = created.getString("id");
            List<String> candidates = created.getList("timeZones", String.class);
            assertTrue(candidates.size() > 1 && candidates.contains("America/New_York") && candidates.contains("America/Los_Angeles"),
                    candidates::toString);
            ContactCreatedV1 data = (ContactCreatedV1) EventCodec.deserialize(reader.awaitKey(contactId, ARRIVAL).value()).data();
            assertEquals(candidates, data.timeZones());
            assertEquals("number", data.timeZoneSource());
            assertNull(data.timeZone());

            asTenant(tenant).contentType(ContentType.JSON).body("{\"timeZone\":\"America/Denver\"}").patch("/api/v1/contacts/" + contactId)
                    .then().statusCode(200);
            ContactUpdatedV1 explicit = updated(reader, contactId, "explicit");
            assertEquals(List.of("America/Denver"), explicit.timeZones());
            assertEquals("explicit", explicit.timeZoneSource());

            asTenant(tenant).contentType(ContentType.JSON).body("{\"timeZone\":null}").patch("/api/v1/contacts/" + contactId)
                    .then().statusCode(200);
            ContactUpdatedV1 back = updated(reader, contactId, "number");
            assertEquals(candidates, back.timeZones());
            assertEquals("number", back.timeZoneSource());
        }
    }

    /** The contact's contact.updated read from Kafka whose dialing zones came from {@code source}. */
    private static ContactUpdatedV1 updated(TopicReader reader, String contactId, String source) {
        return (ContactUpdatedV1) EventCodec.deserialize(reader.await(r -> contactId.equals(r.key())
                && EventCodec.deserialize(r.value()).data() instanceof ContactUpdatedV1 u && source.equals(u.timeZoneSource()),
                ARRIVAL).value()).data();
    }

    @Test
    void aRolledBackCreateLeavesNeitherTheContactNorItsEvent() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            TenantScope.call(tenant, () -> service.create(tenant, new CreateContactRequest("+14155550188", null, null, null, null)));
            throw new IllegalStateException("something later in the same transaction failed");
        }));
        assertEquals(0, count("SELECT count(*) FROM contact WHERE tenant_id = ?1"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"));
    }

    @Test
    void aRejectedDuplicateWritesNoEvent() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550166\"}")
                .when().post("/api/v1/contacts").then().statusCode(201);
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550166\"}")
                .when().post("/api/v1/contacts").then().statusCode(409);
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"));
    }

    private String outboxRow(String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT cloud_event FROM outbox_event WHERE event_key = ?1 AND event_type = ?2")
                .setParameter(1, contactId).setParameter(2, "io.switchboard.contact.created.v1").getSingleResult());
    }

    private Object publishedAt(String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT published_at FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, contactId).getSingleResult());
    }

    private long count(String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }

    /** The one place that says how a request proves its tenant: the internal token the gateway mints. */
    private static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
