package io.switchboard.gateway.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.Topics;
import io.switchboard.gateway.WireMockUpstreams;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.inbox.IdempotentConsumer.Outcome;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TopicWriter;

// the same test resources as every gateway test: all test classes share one Quarkus boot
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(WireMockUpstreams.class)
class CallDebitTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IdempotentConsumer consumer;

    private final CreditsFixture t = new CreditsFixture();

    @Test
    void aCallIsDebitedByStartedMinutesOfItsDuration() {
        t.grant(10);
        String call = UUID.randomUUID().toString();
        assertEquals(Outcome.APPLIED, consumer.consume(t.completed(call, 61))); // 2 started minutes x 1 credit
        assertEquals(8, t.balance());
        Map<String, Object> usage = t.usageFor(call).get(0);
        assertEquals(-2, usage.get("amount"));
        assertEquals(8, usage.get("balanceAfter"));
    }

    @Test
    void theSameCallCompletedDeliveredTwiceThroughKafkaIsDebitedOnce() {
        t.grant(100);
        String call = UUID.randomUUID().toString();
        byte[] event = t.completed(call, 125); // 3 credits
        TopicWriter.send(Topics.CALLS, call, event);
        TopicWriter.send(Topics.CALLS, call, event);
        // a later event on the same partition: once its debit shows, the duplicate before it was handled
        String marker = UUID.randomUUID().toString();
        TopicWriter.send(Topics.CALLS, call, t.completed(marker, 60)); // 1 credit
        Eventually.holds(WAIT, () -> assertEquals(1, t.usageFor(marker).size()));

        assertEquals(1, t.usageFor(call).size());
        assertEquals(-3, t.usageFor(call).get(0).get("amount"));
        assertEquals(100 - 3 - 1, t.balance());
    }

    @Test
    void twoDifferentEventsForTheSameCallDebitItOnce() {
        t.grant(100);
        String call = UUID.randomUUID().toString();
        TopicWriter.send(Topics.CALLS, call, t.completed(call, 180)); // 3 credits
        TopicWriter.send(Topics.CALLS, call, t.completed(call, 600)); // another event id, same call: no second debit
        String marker = UUID.randomUUID().toString();
        TopicWriter.send(Topics.CALLS, call, t.completed(marker, 30));
        Eventually.holds(WAIT, () -> assertEquals(1, t.usageFor(marker).size()));

        List<Map<String, Object>> usage = t.usageFor(call);
        assertEquals(1, usage.size());
        assertEquals(-3, usage.get(0).get("amount"));
        assertEquals(100 - 3 - 1, t.balance());
    }

    @Test
    void concurrentDebitsNeverDriveTheBalanceBelowZero() throws Exception {
        t.grant(7);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                byte[] event = t.completed(UUID.randomUUID().toString(), 120); // 2 credits each, 40 due in total
                results.add(pool.submit(() -> consumer.consume(event)));
            }
            for (Future<Outcome> result : results) {
                assertEquals(Outcome.APPLIED, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(0, t.balance());
        List<Map<String, Object>> ledger = t.ledger();
        List<Map<String, Object>> usage = ledger.stream().filter(e -> "usage".equals(e.get("type"))).toList();
        assertEquals(20, usage.size());
        assertEquals(-7, usage.stream().mapToInt(e -> (Integer) e.get("amount")).sum());
        // the ledger explains the balance: every entry summed is what is left
        assertEquals(0, ledger.stream().mapToInt(e -> (Integer) e.get("amount")).sum());
        assertTrue(ledger.stream().allMatch(e -> (Integer) e.get("balanceAfter") >= 0));
    }

    @Test
    void aCallWithoutDurationCostsNothing() {
        t.grant(5);
        String call = UUID.randomUUID().toString();
        consumer.consume(t.completed(call, 0));
        assertEquals(5, t.balance());
        assertEquals(0, t.usageFor(call).size());
    }

    // ---- issue 12: the provider's final duration after call.completed (call.usage_changed) ----

    @Test
    void aCallCompletedAtZeroSecondsIsDebitedOnceInFullWhenItsDurationArrivesAndARedeliveryChangesNothing() {
        t.grant(10);
        String call = UUID.randomUUID().toString();
        assertEquals(Outcome.APPLIED, consumer.consume(t.completed(call, 0)));
        assertEquals(0, t.entriesFor(call).size());
        byte[] correction = t.usageChanged(call, 95, 0); // 2 started minutes
        assertEquals(Outcome.APPLIED, consumer.consume(correction));
        assertEquals(Outcome.DUPLICATE, consumer.consume(correction));
        // another event with the same totals (not a redelivery) finds the call billed for 95 s already
        assertEquals(Outcome.APPLIED, consumer.consume(t.usageChanged(call, 95, 0)));

        assertEquals(8, t.balance());
        List<Map<String, Object>> entries = t.entriesFor(call);
        assertEquals(1, entries.size());
        assertEquals("usage", entries.get(0).get("type"));
        assertEquals(-2, entries.get(0).get("amount"));
    }

    @Test
    void aLongerDurationDebitsTheDifferenceAndAShorterOneGivesItBackEachAsACorrectionOfTheCall() {
        t.grant(20);
        String call = UUID.randomUUID().toString();
        consumer.consume(t.completed(call, 61)); // 2
        consumer.consume(t.usageChanged(call, 185, 61)); // 4: 2 more
        assertEquals(16, t.balance());
        consumer.consume(t.usageChanged(call, 30, 185)); // 1: 3 back
        assertEquals(19, t.balance());

        List<Map<String, Object>> entries = t.entriesFor(call);
        assertEquals(List.of(3, -2, -2), entries.stream().map(e -> e.get("amount")).toList()); // newest first
        assertEquals(List.of("usage_correction", "usage_correction", "usage"), entries.stream().map(e -> e.get("type")).toList());
        assertEquals(20 - 19, -entries.stream().mapToInt(e -> (Integer) e.get("amount")).sum());
    }

    @Test
    void aShorterDurationNeverGivesBackMoreThanWasTakenForTheCall() {
        t.grant(1);
        String call = UUID.randomUUID().toString();
        consumer.consume(t.completed(call, 185)); // 4 due, 1 taken
        assertEquals(0, t.balance());
        consumer.consume(t.usageChanged(call, 30, 185)); // 1 due, and 1 was taken: nothing to give back
        assertEquals(0, t.balance());
        consumer.consume(t.usageChanged(call, 0, 30)); // 0 due: the 1 taken comes back
        assertEquals(1, t.balance());
        assertEquals(0, t.entriesFor(call).stream().mapToInt(e -> (Integer) e.get("amount")).sum());
    }

    @Test
    void completionThenCorrectionThroughKafkaDebitsTheCorrectedDurationOnce() {
        t.grant(100);
        String call = UUID.randomUUID().toString();
        TopicWriter.send(Topics.CALLS, call, t.completed(call, 0));
        byte[] correction = t.usageChanged(call, 95, 0);
        TopicWriter.send(Topics.CALLS, call, correction);
        TopicWriter.send(Topics.CALLS, call, correction);
        String marker = UUID.randomUUID().toString();
        TopicWriter.send(Topics.CALLS, call, t.completed(marker, 60));
        Eventually.holds(WAIT, () -> assertEquals(1, t.usageFor(marker).size()));

        assertEquals(1, t.entriesFor(call).size());
        assertEquals(-2, t.usageFor(call).get(0).get("amount"));
        assertEquals(100 - 2 - 1, t.balance());
    }
}
