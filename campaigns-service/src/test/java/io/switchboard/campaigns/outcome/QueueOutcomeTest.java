package io.switchboard.campaigns.outcome;

import static io.switchboard.campaigns.Fixtures.asTenant;
import static io.switchboard.campaigns.Fixtures.campaign;
import static io.switchboard.campaigns.Fixtures.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.campaigns.Fixtures;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.Topics;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallFailedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.dial.DialExpiredV1;
import io.switchboard.testsupport.TopicWriter;

@QuarkusTest
class QueueOutcomeTest {

    @Inject
    Fixtures fixtures;

    private final UUID tenant = UUID.randomUUID();

    /** An active campaign (retries as given) with one row per number; returns the rows' ids in phone order. */
    private List<UUID> active(String campaignId, String... phones) {
        upload(tenant, campaignId, "phone\n" + String.join("\n", phones) + "\n");
        asTenant(tenant).post("/api/v1/campaigns/" + campaignId + "/launch").then().statusCode(200);
        return fixtures.column(tenant, "SELECT id FROM call_queue WHERE campaign_id = ?1 ORDER BY phone",
                UUID.fromString(campaignId)).stream().map(UUID.class::cast).toList();
    }

    private String dial(UUID item) {
        return fixtures.dial(tenant, item);
    }

    private void complete(String call, String status, String disposition) {
        fixtures.complete(tenant, call, status, disposition);
    }

    private Map<String, Object> row(UUID item) {
        return asTenant(tenant).get("/api/v1/call-queue/" + item).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void aBusyOutcomeIsRetriedAfterTheBusyIntervalUntilRetriesRunOut() {
        String campaignId = campaign(tenant, ",\"maxRetries\":1,\"retryMinutes\":{\"busy\":7}");
        UUID item = active(campaignId, "+14155550201").get(0);
        String call = dial(item);
        assertEquals(call, row(item).get("callId"));
        complete(call, "busy", null);
        Map<String, Object> retried = row(item);
        assertEquals("pending", retried.get("status"));
        assertEquals("retry", retried.get("kind"));
        assertEquals("busy", retried.get("lastOutcome"));
        OffsetDateTime due = OffsetDateTime.parse((String) retried.get("scheduledFor"));
        assertTrue(due.isAfter(OffsetDateTime.now().plusMinutes(6)) && due.isBefore(OffsetDateTime.now().plusMinutes(8)), due.toString());

        complete(dial(item), "busy", null);
        assertEquals("busy", row(item).get("status"));
        asTenant(tenant).get("/api/v1/campaigns/" + campaignId).then()
                .body("status", equalTo("completed")).body("counters.dialed", equalTo(2)).body("counters.busy", equalTo(2));
    }

    @Test
    void anOutcomeOfAnEarlierAttemptIsStaleAndChangesNothing() {
        UUID item = active(campaign(tenant, ",\"maxRetries\":3"), "+14155550202").get(0);
        String first = dial(item);
        complete(first, "no_answer", null);
        dial(item);
        complete(first, "completed", "sale"); // the first call again, as a different event: not the current attempt
        Map<String, Object> now = row(item);
        assertEquals("processing", now.get("status"));
        assertEquals(2, now.get("attempts"));
    }

    @Test
    void anExpiredDialRequestGoesBackToPendingWithoutUsingARetry() {
        String campaignId = campaign(tenant, ",\"maxRetries\":0");
        UUID item = active(campaignId, "+14155550203").get(0);
        String request = fixtures.claim(tenant, item);
        fixtures.deliver(EventCatalog.DIAL_EXPIRED, tenant, new DialExpiredV1(request, item.toString(), 1, campaignId,
                Instant.now(), Instant.now()));
        Map<String, Object> expired = row(item);
        assertEquals("pending", expired.get("status"));
        assertEquals(1, expired.get("expirations"));
        assertEquals("expired", expired.get("lastOutcome"));
        // the next attempt is the row's only real dial: maxRetries 0 still allows it, and a failure then is final
        String second = fixtures.claim(tenant, item);
        assertEquals(item + ":2", second);
        fixtures.deliver(EventCatalog.CALL_FAILED, tenant, new CallFailedV1(UUID.randomUUID().toString(), second, campaignId, null, null, "vapi", null,
                "+14155550203", "provider_rejected", "no", Instant.now()));
        assertEquals("failed", row(item).get("status"));
    }

    @Test
    void aDncDispositionCancelsTheRowForGood() {
        UUID item = active(campaign(tenant, ",\"maxRetries\":5"), "+14155550204").get(0);
        complete(dial(item), "completed", "dnc");
        assertEquals("cancelled", row(item).get("status"));
    }

    @Test
    void aCallbackAskedInTheAnalysisQueuesTheRowAheadAtThatMoment() {
        String campaignId = campaign(tenant, ",\"maxRetries\":0");
        List<UUID> items = active(campaignId, "+14155550205", "+14155550206");
        String call = dial(items.get(0));
        complete(call, "completed", "callback");
        assertEquals("completed", row(items.get(0)).get("status"));
        String at = OffsetDateTime.now().plusDays(2).withNano(0).toString();
        fixtures.deliver(EventCatalog.CALL_ANALYZED, tenant, new CallAnalyzedV1(call, null, "+14155550205", "call me back",
                null, Map.of("callback_at", at), List.of(), Instant.now()));
        Map<String, Object> callback = row(items.get(0));
        assertEquals("pending", callback.get("status"));
        assertEquals("callback", callback.get("kind"));
        assertEquals(OffsetDateTime.parse(at).toInstant(), OffsetDateTime.parse((String) callback.get("scheduledFor")).toInstant());
        assertTrue((Integer) callback.get("priority") > (Integer) row(items.get(1)).get("priority"));
        asTenant(tenant).get("/api/v1/campaigns/" + campaignId).then().body("counters.callbacks", equalTo(1));
    }

    @Test
    void theLastFinalOutcomeCompletesTheCampaignThroughKafka() {
        String campaignId = campaign(tenant, ",\"maxRetries\":0");
        UUID item = active(campaignId, "+14155550207").get(0);
        String call = dial(item);
        TopicWriter.send(Topics.CALLS, call, Fixtures.event(EventCatalog.CALL_COMPLETED, tenant,
                new CallCompletedV1(call, "completed", "sale", 30, null, campaignId, null, Instant.now())));
        // the suite's one Kafka carries every earlier module's call events, and this service's group reads
        // switchboard.calls from the earliest offset: on a fresh run it works through that backlog first
        Awaitility.await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> asTenant(tenant).get("/api/v1/campaigns/" + campaignId)
                .then().body("status", equalTo("completed")).body("counters.completed", equalTo(1)));
        assertEquals("exhausted", fixtures.one(tenant, """
                SELECT CAST(cloud_event AS jsonb) -> 'data' ->> 'reason' FROM outbox_event
                WHERE event_key = ?1 AND event_type = 'io.switchboard.campaign.completed.v1'""", campaignId));
    }
}
