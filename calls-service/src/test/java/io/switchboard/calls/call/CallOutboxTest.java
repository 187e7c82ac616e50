package io.switchboard.calls.call;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.outbox.PlatformRetention;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;

@QuarkusTest
class CallOutboxTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Inject
    CallService service;

    @Inject
    PlatformRetention retention;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void createdCallIsPublishedKeyedByCallIdExactlyAsWrittenToTheOutbox() {
        try (TopicReader reader = TopicReader.fromNow(Topics.CALLS)) {
            String callId = createCall();
            ConsumerRecord<String, byte[]> record = reader.awaitKey(callId, ARRIVAL);

            assertArrayEquals(outboxRow(callId).getBytes(StandardCharsets.UTF_8), record.value());
            EventEnvelope<?> event = EventCodec.deserialize(record.value());
            assertEquals("io.switchboard.call.created.v1", event.type().type());
            assertEquals(tenant, event.tenantId());
            assertEquals("+14155550123", ((CallCreatedV1) event.data()).toNumber());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(callId) != null);
        }
    }

    @Test
    void eventsWaitInTheOutboxWhileKafkaIsDownAndArriveUnchangedWhenItReturns() {
        try (TopicReader reader = TopicReader.fromNow(Topics.CALLS)) {
            Infra.stopKafka();
            String callId;
            try {
                callId = createCall(); // the API does not depend on the broker
                String written = outboxRow(callId);
                // the relay tried and failed at least once (an outage is not counted towards parking); the row waits
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lastError(callId) != null);
                assertEquals(0, attempts(callId));
                assertNull(publishedAt(callId));
                assertNotNull(written);
            } finally {
                Infra.startKafka();
            }
            ConsumerRecord<String, byte[]> record = reader.awaitKey(callId, Duration.ofSeconds(60));
            assertArrayEquals(outboxRow(callId).getBytes(StandardCharsets.UTF_8), record.value());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(callId) != null);
            assertEquals(1, reader.withKey(callId).size(), "published once after recovery");
        }
    }

    @Test
    void aRolledBackChangeLeavesNeitherTheCallNorItsEvent() {
        long callsBefore = count("SELECT count(*) FROM call WHERE tenant_id = ?1");
        long eventsBefore = count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            TenantScope.call(tenant, () -> service.create(tenant, new CreateCallRequest("+14155550123", null, null, null, null, null)));
            throw new IllegalStateException("something later in the same transaction failed");
        }));
        assertEquals(callsBefore, count("SELECT count(*) FROM call WHERE tenant_id = ?1"));
        assertEquals(eventsBefore, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"));
        assertTrue(callsBefore == 0 || eventsBefore > 0);
    }

    @Test
    void retentionRemovesOldPublishedEventsAndOldMarkersButNeverAnUnpublishedEvent() {
        UUID oldPublished = UUID.randomUUID();
        UUID oldUnpublished = UUID.randomUUID();
        UUID oldMarker = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO outbox_event (id, tenant_id, topic, event_key, event_type, cloud_event, created_at, published_at)
                    VALUES (?1, ?3, 'retention.test', 'k', 't', '{}', now() - interval '40 days', now() - interval '40 days'),
                           (?2, ?3, 'retention.test', 'k', 't', '{}', now() - interval '40 days', NULL)""")
                    .setParameter(1, oldPublished).setParameter(2, oldUnpublished).setParameter(3, tenant).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO processed_event (consumer, event_id, tenant_id, event_type, processed_at)
                    VALUES ('retention-test', ?1, ?2, 't', now() - interval '40 days')""")
                    .setParameter(1, oldMarker).setParameter(2, tenant).executeUpdate();
        });
        try {
            retention.purge();
            assertEquals(0L, countById("outbox_event", "id", oldPublished));
            assertEquals(1L, countById("outbox_event", "id", oldUnpublished), "an unpublished event is never deleted");
            assertEquals(0L, countById("processed_event", "event_id", oldMarker));
        } finally {
            // the relay must not try to publish the fake row in later tests
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM outbox_event WHERE id = ?1")
                    .setParameter(1, oldUnpublished).executeUpdate());
        }
    }

    private long countById(String table, String column, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
    }

    private String createCall() {
        return given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"+14155550123\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(201).extract().path("id");
    }

    private String outboxRow(String callId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT cloud_event FROM outbox_event WHERE event_key = ?1 AND event_type = ?2")
                .setParameter(1, callId).setParameter(2, "io.switchboard.call.created.v1").getSingleResult());
    }

    private Object publishedAt(String callId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT published_at FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, callId).getSingleResult());
    }

    private Object lastError(String callId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT last_error FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, callId).getSingleResult());
    }

    private int attempts(String callId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT attempts FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, callId).getSingleResult()).intValue());
    }

    private long count(String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }
}
