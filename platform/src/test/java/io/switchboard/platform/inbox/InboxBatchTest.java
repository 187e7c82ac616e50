package io.switchboard.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.outbox.CloudEventHeaders;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.platform.testapp.FailurePlan;
import io.switchboard.platform.testapp.FailurePlan.Kind;
import io.switchboard.testsupport.InfraResource;

/**
 * The dispatcher with the real idempotent consumer and the test application's handler (CallCreatedRecorder, whose
 * applied_event table has row-level security): records that are ready together share one transaction, and keep every
 * guarantee of one record per transaction. A batch is forced by holding the dispatcher's only worker with a record of
 * its own until the others are queued; that they really shared a transaction shows in PostgreSQL's {@code xmin}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class InboxBatchTest {

    private static final AtomicLong OFFSETS = new AtomicLong();

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Events events;

    @Inject
    EntityManager em;

    private final List<InboxDispatcher> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(InboxDispatcher::stop);
    }

    /** One worker, batches of up to {@code batchSize}. */
    private InboxDispatcher dispatcher(int batchSize) {
        InboxDispatcher dispatcher = new InboxDispatcher(consumer, 1, 1000, batchSize);
        started.add(dispatcher);
        return dispatcher;
    }

    /** A Kafka record as the connector hands it over, with its ack / nack observable. */
    private record Sent(Message<byte[]> message, CompletableFuture<Void> acked, CompletableFuture<Throwable> nacked) {

        void awaitAck() throws Exception {
            acked.get(30, TimeUnit.SECONDS);
            assertFalse(nacked.isDone());
        }
    }

    private static Sent record(String key, byte[] payload, String ceType) {
        RecordHeaders headers = new RecordHeaders();
        if (ceType != null) {
            headers.add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        }
        ConsumerRecord<String, byte[]> kafka = new ConsumerRecord<>("switchboard.test", 0, OFFSETS.incrementAndGet(), 0L,
                TimestampType.CREATE_TIME, 0, 0, key, payload, headers, java.util.Optional.empty());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        CompletableFuture<Throwable> nacked = new CompletableFuture<>();
        Message<byte[]> message = Message.of(payload, Metadata.of(new IncomingKafkaRecordMetadata<>(kafka, "test")), () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            nacked.complete(failure);
            return CompletableFuture.completedFuture(null);
        });
        return new Sent(message, acked, nacked);
    }

    private static byte[] created(UUID tenant, String call) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_CREATED, "/switchboard/platform-test", tenant,
                new CallCreatedV1(call, "outbound", "queued", null, "+14155550123", null, null, null, Instant.now())));
    }

    /**
     * Holds the dispatcher's worker while {@code records} are dispatched, then lets it go: they are all ready together
     * when it comes back, so it takes them as one batch (up to the batch size).
     */
    private static void dispatchTogether(InboxDispatcher dispatcher, List<Sent> records) throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Sent blocker = record("blocker-" + UUID.randomUUID(), new byte[0], null);
        dispatcher.dispatch(blocker.message(), payload -> {
            holding.countDown();
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        records.forEach(sent -> dispatcher.dispatch(sent.message()));
        hold.countDown();
        blocker.awaitAck();
    }

    /** {@link #dispatchTogether}, then every record acknowledged. */
    private static void applyTogether(InboxDispatcher dispatcher, List<Sent> records) throws Exception {
        dispatchTogether(dispatcher, records);
        for (Sent sent : records) {
            sent.awaitAck();
        }
    }

    /** The transaction ids that wrote these calls' applied_event rows (as each tenant: row-level security). */
    private Set<String> writers(UUID tenant, List<String> calls) {
        return new HashSet<>(TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT xmin::text FROM applied_event WHERE call_id = ANY(?1)", String.class)
                .setParameter(1, calls.toArray(String[]::new)).getResultList())));
    }

    @Test
    void recordsReadyTogetherAreAppliedInOneTransactionEachOnceAndAcknowledgedAfterItsCommit() throws Exception {
        UUID tenant = UUID.randomUUID();
        String old = "old-" + UUID.randomUUID();
        byte[] processedBefore = created(tenant, old);
        assertEquals(IdempotentConsumer.Outcome.APPLIED, consumer.consume(processedBefore));

        List<String> calls = new ArrayList<>();
        List<Sent> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String call = "batch-" + i + "-" + UUID.randomUUID();
            calls.add(call);
            records.add(record(call, created(tenant, call), null));
        }
        byte[] twice = created(tenant, calls.get(0) + "-again");
        records.add(record("twice-a", twice, null)); // one event delivered twice within the batch
        records.add(record("twice-b", twice, null));
        records.add(record(old, processedBefore, null)); // redelivered after it was processed

        applyTogether(dispatcher(64), records);

        for (String call : calls) {
            assertEquals(1, events.applied(tenant, call));
        }
        assertEquals(1, events.applied(tenant, calls.get(0) + "-again"));
        assertEquals(1, events.applied(tenant, old));
        assertEquals(1, FailurePlan.invocations(calls.get(0) + "-again"), "the event delivered twice ran its handler once");
        assertEquals(1, FailurePlan.invocations(old), "the redelivered event did not run its handler again");
        List<String> batchCalls = new ArrayList<>(calls);
        batchCalls.add(calls.get(0) + "-again");
        assertEquals(1, writers(tenant, batchCalls).size(), "six events, one transaction");
    }

    @Test
    void aBatchIsNeverLargerThanTheConfiguredSize() throws Exception {
        UUID tenant = UUID.randomUUID();
        List<String> calls = new ArrayList<>();
        List<Sent> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String call = "bounded-" + i + "-" + UUID.randomUUID();
            calls.add(call);
            records.add(record(call, created(tenant, call), null));
        }
        applyTogether(dispatcher(2), records);
        assertEquals(3, writers(tenant, calls).size(), "5 records in batches of at most 2");
    }

    @Test
    void aKeysConsecutiveRecordsShareABatchInOffsetOrder() throws Exception {
        UUID tenant = UUID.randomUUID();
        String key = "aggregate-" + UUID.randomUUID();
        List<String> ofKey = new ArrayList<>();
        List<String> all = new ArrayList<>();
        List<Sent> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String call = key + "-" + i;
            ofKey.add(call);
            all.add(call);
            records.add(record(key, created(tenant, call), null));
            String other = "other-" + i + "-" + UUID.randomUUID();
            all.add(other);
            records.add(record(other, created(tenant, other), null));
        }
        applyTogether(dispatcher(64), records);
        List<String> ran = FailurePlan.sequence().stream().filter(ofKey::contains).toList();
        assertEquals(ofKey, ran, "the key's records ran once each, in offset order");
        assertEquals(1, writers(tenant, all).size(), "all eight in one transaction");
    }

    @Test
    void aFailingRecordIsDeadLetteredAloneWhileItsBatchMatesAreAppliedExactlyOnce() throws Exception {
        UUID tenant = UUID.randomUUID();
        String before = "before-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();
        FailurePlan.fail(poison, Kind.PERMANENT, Integer.MAX_VALUE);
        Sent first = record(before, created(tenant, before), null);
        Sent failing = record(poison, created(tenant, poison), null);
        Sent last = record(after, created(tenant, after), null);

        dispatchTogether(dispatcher(64), List.of(first, failing, last));

        first.awaitAck();
        last.awaitAck();
        Throwable failure = failing.nacked().get(30, TimeUnit.SECONDS);
        assertInstanceOf(RuntimeException.class, failure);
        assertFalse(failing.acked().isDone());
        assertEquals(1, events.applied(tenant, before));
        assertEquals(1, events.applied(tenant, after));
        assertEquals(0, events.applied(tenant, poison));
        // the batch ran the first two and was rolled back at the poison; then each ran on its own
        assertEquals(2, FailurePlan.invocations(before));
        assertEquals(1, FailurePlan.invocations(after));
        assertEquals(2, FailurePlan.invocations(poison), "a permanent failure is not retried");
        assertEquals(2, writers(tenant, List.of(before, after)).size(), "applied one by one after the batch failed");
    }

    @Test
    void recordsOfDifferentTenantsInOneBatchRunGroupedByTenantAndEachWriteAsTheirOwnTenant() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<String> ofA = new ArrayList<>();
        List<String> ofB = new ArrayList<>();
        List<Sent> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String callA = "tenant-a-" + i + "-" + UUID.randomUUID();
            String callB = "tenant-b-" + i + "-" + UUID.randomUUID();
            ofA.add(callA);
            ofB.add(callB);
            records.add(record(callA, created(a, callA), null));
            records.add(record(callB, created(b, callB), null));
        }
        applyTogether(dispatcher(64), records);
        // applied_event's policy checks every insert against the connection's tenant: a record written while the other
        // tenant was set would have failed the batch, and the records would have been applied one by one
        Set<String> transactions = new HashSet<>(writers(a, ofA));
        transactions.addAll(writers(b, ofB));
        assertEquals(1, transactions.size(), "both tenants' records in one transaction");
        List<String> grouped = new ArrayList<>(a.compareTo(b) < 0 ? ofA : ofB);
        grouped.addAll(a.compareTo(b) < 0 ? ofB : ofA);
        List<String> ran = FailurePlan.sequence().stream().filter(grouped::contains).toList();
        assertEquals(grouped, ran, "grouped by tenant (one switch), each tenant's records in their order");
        for (int i = 0; i < 3; i++) {
            assertEquals(1, events.applied(a, ofA.get(i)));
            assertEquals(0, events.applied(b, ofA.get(i)), "tenant b sees none of tenant a's rows");
            assertEquals(1, events.applied(b, ofB.get(i)));
            assertEquals(0, events.applied(a, ofB.get(i)), "tenant a sees none of tenant b's rows");
        }
    }

    @Test
    void aKeyCarryingTwoTenantsKeepsItsOrderInsteadOfBeingGroupedByTenant() throws Exception {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        UUID larger = one.compareTo(two) > 0 ? one : two;
        UUID smaller = larger == one ? two : one;
        String key = "mixed-" + UUID.randomUUID();
        String first = key + "-first";
        String second = key + "-second";
        applyTogether(dispatcher(64), List.of(record(key, created(larger, first), null),
                record(key, created(smaller, second), null)));
        List<String> ran = FailurePlan.sequence().stream().filter(c -> c.equals(first) || c.equals(second)).toList();
        assertEquals(List.of(first, second), ran, "a tenant sort would have run the second first");
        assertEquals(1, events.applied(larger, first));
        assertEquals(1, events.applied(smaller, second));
    }

    @Test
    void underLoadWithSeveralWorkersEveryKeysRecordsRunOnceEachInOffsetOrder() throws Exception {
        InboxDispatcher dispatcher = new InboxDispatcher(consumer, 4, 1000, 8);
        started.add(dispatcher);
        UUID tenant = UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        List<List<String>> byKey = new ArrayList<>();
        List<Sent> records = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            byKey.add(new ArrayList<>());
        }
        for (int i = 0; i < 200; i++) {
            int k = (i * 7) % 10; // keys interleaved, each key's records spread over the stream
            String call = run + "-k" + k + "-" + byKey.get(k).size();
            byKey.get(k).add(call);
            records.add(record(run + "-k" + k, created(tenant, call), null));
        }
        records.forEach(sent -> dispatcher.dispatch(sent.message()));
        for (Sent sent : records) {
            sent.awaitAck();
        }
        List<String> sequence = FailurePlan.sequence();
        for (List<String> calls : byKey) {
            assertEquals(calls, sequence.stream().filter(calls::contains).toList(), "one key's records once each, in order");
        }
        assertEquals(200L, records.stream().filter(sent -> sent.acked().isDone()).count());
    }

    @Test
    void aRecordWhoseTypeHasNoHandlerIsAcknowledgedUnreadOnTheCallersThread() throws Exception {
        InboxDispatcher dispatcher = dispatcher(64);
        Sent unhandled = record("k-" + UUID.randomUUID(), "not even JSON".getBytes(StandardCharsets.UTF_8),
                EventCatalog.CALL_COMPLETED.type());
        dispatcher.dispatch(unhandled.message());
        assertTrue(unhandled.acked().isDone(), "acknowledged before dispatch returned: no thread, no decoding");
        assertFalse(unhandled.nacked().isDone());

        // a handled type goes through the consumer; a record without the header (an older producer) too
        UUID tenant = UUID.randomUUID();
        String withHeader = "with-header-" + UUID.randomUUID();
        String without = "without-header-" + UUID.randomUUID();
        Sent handled = record(withHeader, created(tenant, withHeader), EventCatalog.CALL_CREATED.type());
        Sent plain = record(without, created(tenant, without), null);
        dispatcher.dispatch(handled.message());
        dispatcher.dispatch(plain.message());
        handled.awaitAck();
        plain.awaitAck();
        assertEquals(1, events.applied(tenant, withHeader));
        assertEquals(1, events.applied(tenant, without));
        assertNull(handled.nacked().getNow(null));
    }
}
