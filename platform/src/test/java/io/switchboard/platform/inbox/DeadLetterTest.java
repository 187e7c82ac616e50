package io.switchboard.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.testapp.FailurePlan;
import io.switchboard.platform.testapp.FailurePlan.Kind;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TopicReader;
import io.switchboard.testsupport.TopicWriter;

/**
 * The consumer path through Kafka, as the services run it: {@code @Incoming} with
 * {@code failure-strategy=dead-letter-queue} on topic switchboard.platform-test, retry.max-attempts 3.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class DeadLetterTest {

    private static final String TOPIC = "switchboard.platform-test";
    private static final String DLQ = "switchboard.dlq.platform-test";
    private static final String SERVICE = "platform-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Events events;

    @Test
    void aTransientFailureIsRetriedAndNothingReachesTheDeadLetterTopic() {
        UUID tenant = UUID.randomUUID();
        String call = UUID.randomUUID().toString();
        FailurePlan.fail(call, Kind.TRANSIENT, 2);
        try (TopicReader dlq = TopicReader.fromNow(DLQ)) {
            TopicWriter.send(TOPIC, call, Events.callCreated(tenant, call));
            awaitApplied(tenant, call, 1);
            assertEquals(3, FailurePlan.invocations(call));

            // a later event with the same key that fails for good: once it is on the dead-letter topic, anything the
            // first event had sent there would be too (same key, same partitions, consumed in order)
            String marker = "marker-" + call;
            FailurePlan.fail(marker, Kind.PERMANENT, 1);
            TopicWriter.send(TOPIC, call, Events.callCreated(tenant, marker));
            ConsumerRecord<String, byte[]> dead = dlq.awaitKey(call, WAIT);
            assertTrue(TopicReader.text(dead).contains(marker));
            assertEquals(1, dlq.withKey(call).size(), "only the marker was dead-lettered");
            assertEquals(1, events.applied(tenant, call));
        }
    }

    @Test
    void aHandlerThatKeepsFailingLandsOnTheDeadLetterTopicAndARedriveAppliesItOnce() {
        UUID tenant = UUID.randomUUID();
        String call = UUID.randomUUID().toString();
        FailurePlan.fail(call, Kind.TRANSIENT, Integer.MAX_VALUE);
        try (TopicReader dlq = TopicReader.fromNow(DLQ)) {
            TopicWriter.send(TOPIC, call, Events.callCreated(tenant, call));
            ConsumerRecord<String, byte[]> dead = dlq.awaitKey(call, WAIT);
            assertEquals(TOPIC, header(dead, "dead-letter-topic"));
            assertEquals(3, FailurePlan.invocations(call), "max-attempts, then the dead-letter topic");
            assertEquals(0, events.applied(tenant, call));
        }

        FailurePlan.heal(call); // the cause is fixed
        DeadLetterRedrive.Result first = DeadLetterRedrive.redrive(Infra.KAFKA_BOOTSTRAP, SERVICE);
        assertTrue(first.redriven().getOrDefault(TOPIC, 0) >= 1, () -> "re-drove " + first);
        awaitApplied(tenant, call, 1);
        assertEquals(4, FailurePlan.invocations(call));

        DeadLetterRedrive.Result second = DeadLetterRedrive.redrive(Infra.KAFKA_BOOTSTRAP, SERVICE);
        assertEquals(0, second.total(), "the first run committed its offsets: nothing is re-driven twice");
        assertEquals(1, events.applied(tenant, call));
    }

    private void awaitApplied(UUID tenant, String call, long times) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> events.applied(tenant, call) == times);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
