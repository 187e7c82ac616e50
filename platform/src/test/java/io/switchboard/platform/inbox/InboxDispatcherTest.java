package io.switchboard.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.switchboard.testsupport.InfraResource;

/**
 * The dispatcher alone, with records built in memory (the Kafka path through it is DeadLetterTest's and
 * IdempotentConsumerTest's): per-key order, concurrency across keys, ack / nack, back-pressure.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class InboxDispatcherTest {

    private final List<InboxDispatcher> started = new ArrayList<>();

    private InboxDispatcher dispatcher(int threads, int maxInFlight) {
        InboxDispatcher dispatcher = new InboxDispatcher(null, threads, maxInFlight);
        started.add(dispatcher);
        return dispatcher;
    }

    @AfterEach
    void stop() {
        started.forEach(InboxDispatcher::stop);
    }

    /** A record of {@code key} at {@code offset} whose ack / nack complete the given futures. */
    private static Message<byte[]> record(String key, long offset, CompletableFuture<Void> acked, CompletableFuture<Throwable> nacked) {
        ConsumerRecord<String, byte[]> kafka = new ConsumerRecord<>("switchboard.test", 0, offset, key,
                (key + "@" + offset).getBytes(StandardCharsets.UTF_8));
        return Message.of(kafka.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(kafka, "test")),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    nacked.complete(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private static Message<byte[]> record(String key, long offset) {
        return record(key, offset, new CompletableFuture<>(), new CompletableFuture<>());
    }

    @Test
    void recordsOfOneKeyRunOneAtATimeInOffsetOrderWhileAnotherKeyRunsBesideThem() throws Exception {
        InboxDispatcher dispatcher = dispatcher(4, 100);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger runningForA = new AtomicInteger();
        AtomicInteger overlapsForA = new AtomicInteger();
        CountDownLatch bRan = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(6);
        for (long offset = 0; offset < 5; offset++) {
            long o = offset;
            dispatcher.dispatch(record("a", offset), payload -> {
                if (runningForA.incrementAndGet() > 1) {
                    overlapsForA.incrementAndGet();
                }
                try {
                    if (o == 0) {
                        // key a's first record waits for key b's: only possible when b is not queued behind a
                        assertTrue(await(bRan), "key b never ran while key a's first record was running");
                    }
                    sleep(5);
                    order.add(new String(payload, StandardCharsets.UTF_8));
                } finally {
                    runningForA.decrementAndGet();
                    allDone.countDown();
                }
            });
        }
        dispatcher.dispatch(record("b", 5), payload -> {
            bRan.countDown();
            allDone.countDown();
        });
        assertTrue(allDone.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("a@0", "a@1", "a@2", "a@3", "a@4"), order);
        assertEquals(0, overlapsForA.get());
    }

    @Test
    void aRecordIsAcknowledgedAfterItsWorkReturnedAndNackedWithWhatItThrew() throws Exception {
        InboxDispatcher dispatcher = dispatcher(2, 100);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        CompletableFuture<Throwable> notNacked = new CompletableFuture<>();
        AtomicReference<Boolean> ackedDuringWork = new AtomicReference<>();
        dispatcher.dispatch(record("k", 0, acked, notNacked), payload -> ackedDuringWork.set(acked.isDone()));
        acked.get(5, TimeUnit.SECONDS);
        assertFalse(ackedDuringWork.get());
        assertFalse(notNacked.isDone());

        CompletableFuture<Void> notAcked = new CompletableFuture<>();
        CompletableFuture<Throwable> nacked = new CompletableFuture<>();
        IllegalStateException failure = new IllegalStateException("handler failed");
        dispatcher.dispatch(record("k", 1, notAcked, nacked), payload -> {
            throw failure;
        });
        assertSame(failure, nacked.get(5, TimeUnit.SECONDS));
        assertFalse(notAcked.isDone());
        // the key's next record still runs after a failed one
        CompletableFuture<Void> next = new CompletableFuture<>();
        dispatcher.dispatch(record("k", 2, next, new CompletableFuture<>()), payload -> {
        });
        next.get(5, TimeUnit.SECONDS);
    }

    @Test
    void beyondMaxInFlightTheStageCompletesOnlyWhenARecordFinishes() throws Exception {
        InboxDispatcher dispatcher = dispatcher(2, 2);
        CountDownLatch release = new CountDownLatch(1);
        CompletionStage<Void> first = dispatcher.dispatch(record("x", 0), payload -> await(release));
        CompletionStage<Void> second = dispatcher.dispatch(record("y", 1), payload -> await(release));
        CompletionStage<Void> third = dispatcher.dispatch(record("z", 2), payload -> {
        });
        assertTrue(first.toCompletableFuture().isDone());
        assertTrue(second.toCompletableFuture().isDone());
        sleep(100);
        assertFalse(third.toCompletableFuture().isDone(), "a third record was accepted while two were unfinished");
        release.countDown();
        third.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void whileTheApplicationStopsAFailedRecordIsLeftForRedeliveryAndAQueuedOneIsNotStarted() throws Exception {
        InboxDispatcher dispatcher = dispatcher(1, 100);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> failedAcked = new CompletableFuture<>();
        CompletableFuture<Throwable> failedNacked = new CompletableFuture<>();
        dispatcher.dispatch(record("a", 0, failedAcked, failedNacked), payload -> {
            running.countDown();
            await(release);
            // what a handler sees once the application's persistence has closed under it
            throw new IllegalStateException("EntityManagerFactory is closed");
        });
        assertTrue(await(running));
        AtomicInteger queuedRan = new AtomicInteger();
        CompletableFuture<Void> queuedAcked = new CompletableFuture<>();
        CompletableFuture<Throwable> queuedNacked = new CompletableFuture<>();
        // one worker, busy: this record waits in the queue
        dispatcher.dispatch(record("b", 1, queuedAcked, queuedNacked), payload -> queuedRan.incrementAndGet());

        Thread stopper = new Thread(dispatcher::stop);
        stopper.start();
        sleep(200); // the dispatcher now knows it is stopping; the running record is still in its work
        release.countDown();
        stopper.join(15_000);

        assertFalse(stopper.isAlive(), "stop() did not return");
        assertFalse(failedNacked.isDone(), "a record failing during shutdown went to the dead-letter topic");
        assertFalse(failedAcked.isDone(), "a failed record was acknowledged");
        assertEquals(0, queuedRan.get(), "a record still queued was started after the application began to stop");
        assertFalse(queuedAcked.isDone() || queuedNacked.isDone(), "a record never run was acknowledged or nacked");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
