package io.switchboard.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TopicReader;

/**
 * The relay against the real broker. The test application runs no background relay
 * ({@code switchboard.outbox.relay-enabled=false}), so each {@link OutboxRelay#relayBatch()} here is exactly one
 * round; {@code max-attempts} is 3.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void startFromAnEmptyOutbox() {
        // rows an earlier test left unpublished must not take part in this test's rounds
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL AND parked_at IS NULL").executeUpdate());
    }

    @Test
    void aRowTheBrokerKeepsRejectingIsParkedAfterMaxAttemptsAndTheEventsBehindItStillGoOutInOrder() {
        String call = UUID.randomUUID().toString();
        try (TopicReader reader = TopicReader.fromNow(Topics.CALLS)) {
            UUID first = publish(call);
            long oversized = insertOversizedRow();
            UUID second = publish(call);

            assertEquals(1, relay.relayBatch(), "round 1 publishes the first event and stops at the rejected row");
            assertEquals(1, attempts(oversized));
            assertNull(parkedAt(oversized));
            for (int round = 2; round <= config.maxAttempts(); round++) {
                assertEquals(0, relay.relayBatch(), "the rejected row holds back the rows behind it until it is parked");
            }
            assertNotNull(parkedAt(oversized), "parked after max-attempts rejections");
            assertEquals(config.maxAttempts(), attempts(oversized));
            assertTrue(lastError(oversized).contains("RecordTooLargeException"), lastError(oversized));
            assertTrue(relay.countParked() >= 1);
            assertTrue(registry.get("switchboard.outbox.parked").gauge().value() >= 1);

            assertEquals(1, relay.relayBatch(), "the row behind the parked one goes out");
            UUID marker = publish(call);
            assertEquals(1, relay.relayBatch());
            reader.await(r -> marker.equals(EventCodec.deserialize(r.value()).id()), WAIT);
            // one partition per key: everything before the marker has been read. Had round 1 handed the second
            // event to the producer after the rejection, it would be on the topic twice.
            List<UUID> ids = reader.withKey(call).stream().map(r -> EventCodec.deserialize(r.value()).id()).toList();
            assertEquals(List.of(first, second, marker), ids);
        }
    }

    @Test
    void anUnparkedRowIsPublishedByTheNextRound() {
        long row = insertOversizedRow();
        for (int round = 1; round <= config.maxAttempts(); round++) {
            relay.relayBatch();
        }
        assertNotNull(parkedAt(row));
        String call = UUID.randomUUID().toString();
        try (TopicReader reader = TopicReader.fromNow(Topics.CALLS)) {
            // the cause is fixed (here: the payload shrinks); then the documented un-park statement
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE outbox_event SET cloud_event = ?2, event_key = ?3 WHERE seq = ?1""")
                    .setParameter(1, row).setParameter(2, new String(EventCodec.serialize(EventCodec.newEvent(
                            EventCatalog.CALL_CREATED, "/switchboard/platform-test", UUID.randomUUID(), payload(call)))))
                    .setParameter(3, call).executeUpdate());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE outbox_event SET parked_at = NULL, attempts = 0 WHERE seq = ?1").setParameter(1, row).executeUpdate());
            assertEquals(1, relay.relayBatch());
            reader.awaitKey(call, WAIT);
        }
        assertNull(parkedAt(row));
    }

    @Test
    void aBrokerOutageIsNotCountedTowardsParking() {
        String call = UUID.randomUUID().toString();
        UUID event = publish(call);
        Infra.stopKafka();
        try {
            for (int round = 1; round <= config.maxAttempts() + 1; round++) {
                assertEquals(0, relay.relayBatch());
            }
        } finally {
            Infra.startKafka();
        }
        long seq = seqOf(event);
        assertEquals(0, attempts(seq), "an outage is nobody's fault: every row waits");
        assertNull(parkedAt(seq));
        assertNotNull(lastError(seq));
        try (TopicReader reader = TopicReader.fromNow(Topics.CALLS)) {
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> relay.relayBatch() == 1);
            reader.awaitKey(call, WAIT);
        }
    }

    @Test
    void eventsPreparedOnAnotherThreadAreRecordedOnlyByPublishPreparedInTheCallersTransactionAndThenRelayed() throws Exception {
        String call = UUID.randomUUID().toString();
        UUID tenant = UUID.randomUUID();
        List<Outbox.Prepared> prepared = CompletableFuture.supplyAsync(() -> List.of(
                outbox.prepare(EventCatalog.CALL_CREATED, tenant, payload(call)),
                outbox.prepare(EventCatalog.CALL_CREATED, tenant, payload(call)))).get();
        assertEquals(0L, rows(prepared), "preparing records nothing");
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> outbox.publishPrepared(List.of(
                prepared.get(0), outbox.prepare(EventCatalog.CALL_CREATED, UUID.randomUUID(), payload(call))))),
                "one tenant per call");
        QuarkusTransaction.requiringNew().run(() -> outbox.publishPrepared(prepared));
        assertEquals(2L, rows(prepared));
        try (TopicReader reader = TopicReader.fromNow(Topics.CALLS)) {
            assertEquals(2, relay.relayBatch());
            reader.await(r -> prepared.get(1).id().equals(EventCodec.deserialize(r.value()).id()), WAIT);
            List<UUID> ids = reader.withKey(call).stream().map(r -> EventCodec.deserialize(r.value()).id()).toList();
            assertEquals(List.of(prepared.get(0).id(), prepared.get(1).id()), ids);
            assertEquals(tenant, EventCodec.deserialize(reader.withKey(call).get(0).value()).tenantId());
        }
    }

    private long rows(List<Outbox.Prepared> events) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE id = ANY (CAST(?1 AS uuid[]))")
                .setParameter(1, events.stream().map(e -> e.id().toString()).toArray(String[]::new)).getSingleResult()).longValue());
    }

    @Test
    void onlyARejectionOfTheRecordItselfCountsTowardsParking() {
        assertTrue(OutboxRelay.rejectedForItsOwnSake(new RecordTooLargeException("too large")));
        assertFalse(OutboxRelay.rejectedForItsOwnSake(new TimeoutException("broker down")));
        assertFalse(OutboxRelay.rejectedForItsOwnSake(new TopicAuthorizationException("credentials")));
        assertFalse(OutboxRelay.rejectedForItsOwnSake(new IllegalStateException("anything else")));
    }

    private UUID publish(String call) {
        return QuarkusTransaction.requiringNew().call(
                () -> outbox.publish(EventCatalog.CALL_CREATED, UUID.randomUUID(), payload(call)).id());
    }

    private static CallCreatedV1 payload(String call) {
        return new CallCreatedV1(call, "outbound", "queued", null, "+14155550123", null, null, null, Instant.now());
    }

    /** 2 MiB: more than the producer's max.request.size and the broker's message.max.bytes (1 MiB each). */
    private long insertOversizedRow() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO outbox_event (id, tenant_id, topic, event_key, event_type, cloud_event)
                VALUES (gen_random_uuid(), gen_random_uuid(), ?1, gen_random_uuid()::text, ?2, repeat('x', 2 * 1024 * 1024))
                RETURNING seq""").setParameter(1, Topics.CALLS).setParameter(2, EventCatalog.CALL_CREATED.type())
                .getSingleResult()).longValue());
    }

    private long seqOf(UUID event) {
        return ((Number) column("SELECT seq FROM outbox_event WHERE id = ?1", event)).longValue();
    }

    private int attempts(long seq) {
        return ((Number) column("SELECT attempts FROM outbox_event WHERE seq = ?1", seq)).intValue();
    }

    private Object parkedAt(long seq) {
        return column("SELECT parked_at FROM outbox_event WHERE seq = ?1", seq);
    }

    private String lastError(long seq) {
        return (String) column("SELECT last_error FROM outbox_event WHERE seq = ?1", seq);
    }

    private Object column(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult());
    }
}
