package io.switchboard.contacts.contact;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
