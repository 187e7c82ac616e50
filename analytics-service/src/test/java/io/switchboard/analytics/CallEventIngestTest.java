package io.switchboard.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.inbox.IdempotentConsumer.Outcome;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicWriter;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class CallEventIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IdempotentConsumer consumer;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void callEventsFromKafkaUpdateTheTenantsCounters() {
        deliver(created(tenant));
        deliver(completed(tenant, 93));
        awaitSummary(tenant, 1, 1);
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/analytics/tenant/summary")
                .then().statusCode(200).body("totalDurationSeconds", equalTo(93));
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/analytics/tenant/daily")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].callsCreated", equalTo(1));
    }

    @Test
    void theSameEventDeliveredTwiceThroughKafkaCountsOnce() {
        byte[] event = created(tenant);
        deliver(event);
        deliver(event);
        // a distinct later event on the same key/partition: once it counts, the duplicate was already handled
        byte[] marker = EventCodec.serialize(withSameCall(event));
        deliver(marker);
        awaitSummary(tenant, 2, 0);
        sleepBriefly();
        summaryIs(tenant, 2, 0);
    }

    @Test
    void consumerReportsADuplicateAndAppliesNothingTheSecondTime() {
        byte[] event = created(tenant);
        assertEquals(Outcome.APPLIED, consumer.consume(event));
        assertEquals(Outcome.DUPLICATE, consumer.consume(event));
        summaryIs(tenant, 1, 0);
    }

    @Test
    void anUnreadableRecordIsSkippedAndTheNextEventStillCounts() {
        TopicWriter.send(Topics.CALLS, "garbage", "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        deliver(created(tenant));
        awaitSummary(tenant, 1, 0);
        assertEquals(Outcome.INVALID, consumer.consume("{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneTenantsEventsNeverShowInAnotherTenantsKpis() {
        UUID other = UUID.randomUUID();
        deliver(created(tenant));
        awaitSummary(tenant, 1, 0);
        summaryIs(other, 0, 0);
    }

    private static byte[] created(UUID tenant) {
        String callId = UUID.randomUUID().toString();
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_CREATED, "/switchboard/calls-service", tenant,
                new CallCreatedV1(callId, "outbound", "queued", null, "+14155550123", null, null, null, Instant.now())));
    }

    private static byte[] completed(UUID tenant, long seconds) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "/switchboard/calls-service", tenant,
                new CallCompletedV1(UUID.randomUUID().toString(), "completed", "human_answered", seconds, null, null, null,
                        Instant.now())));
    }

    @SuppressWarnings("unchecked")
    private static EventEnvelope<CallCreatedV1> withSameCall(byte[] original) {
        EventEnvelope<CallCreatedV1> first = (EventEnvelope<CallCreatedV1>) EventCodec.deserialize(original);
        return EventCodec.newEvent(EventCatalog.CALL_CREATED, first.source(), first.tenantId(), first.data());
    }

    private static void deliver(byte[] event) {
        TopicWriter.send(Topics.CALLS, EventCodec.deserialize(event).subject(), event);
    }

    private static void awaitSummary(UUID tenant, int created, int completed) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> summaryIs(tenant, created, completed));
    }

    private static void summaryIs(UUID tenant, int created, int completed) {
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/analytics/tenant/summary")
                .then().statusCode(200).body("callsCreated", equalTo(created)).body("callsCompleted", equalTo(completed));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- issue 12: a completed call's final duration arrives later (call.usage_changed) ----

    @Test
    void minutesEqualTheCorrectedDurationAndARedeliveredCorrectionChangesNothing() {
        String call = UUID.randomUUID().toString();
        assertEquals(Outcome.APPLIED, consumer.consume(completed(tenant, call, 0)));
        byte[] correction = usageChanged(tenant, call, 95, 0);
        assertEquals(Outcome.APPLIED, consumer.consume(correction));
        assertEquals(Outcome.DUPLICATE, consumer.consume(correction));
        // not a redelivery but the same totals again: the call already counts 95 s
        assertEquals(Outcome.APPLIED, consumer.consume(usageChanged(tenant, call, 95, 0)));
        totalSecondsAre(tenant, 1, 95);
    }

    @Test
    void severalCorrectionsThroughKafkaLeaveTheLastDurationAndCountTheCallOnce() {
        String call = UUID.randomUUID().toString();
        deliver(completed(tenant, call, 40));
        deliver(usageChanged(tenant, call, 125, 40));
        deliver(usageChanged(tenant, call, 93, 125));
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> totalSecondsAre(tenant, 1, 93));
    }

    @Test
    void aSecondCompletionOfTheSameCallIsNotCountedAgain() {
        String call = UUID.randomUUID().toString();
        consumer.consume(completed(tenant, call, 60));
        consumer.consume(completed(tenant, call, 60));
        totalSecondsAre(tenant, 1, 60);
    }

    private static byte[] completed(UUID tenant, String callId, long seconds) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "/switchboard/calls-service", tenant,
                new CallCompletedV1(callId, "completed", "human_answered", seconds, null, null, null, Instant.now())));
    }

    private static byte[] usageChanged(UUID tenant, String callId, long seconds, long previous) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_USAGE_CHANGED, "/switchboard/calls-service", tenant,
                new CallUsageChangedV1(callId, "completed", seconds, null, previous, null, null, null, null, "vapi", null,
                        Instant.now(), null, Instant.now())));
    }

    private static void totalSecondsAre(UUID tenant, int completed, int seconds) {
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/analytics/tenant/summary")
                .then().statusCode(200).body("callsCompleted", equalTo(completed)).body("totalDurationSeconds", equalTo(seconds));
    }
}
