package io.switchboard.campaigns.outcome;

import static io.switchboard.campaigns.Fixtures.asTenant;
import static io.switchboard.campaigns.Fixtures.campaign;
import static io.switchboard.campaigns.Fixtures.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.campaigns.Fixtures;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallInitiatedV1;

/**
 * A person who asks never to be called again, when the provider's analysis says so only after the call's terminal
 * status (VAPI's end-of-call report after its "ended" update, Retell's call_analyzed after call_ended): call.completed
 * carried no dnc disposition, so the row got a completed / retry / callback outcome first. Found by the end-to-end test
 * with the provider simulator (system-tests CampaignEndToEndTest).
 */
@QuarkusTest
class DoNotCallFromAnalysisTest {

    @Inject
    Fixtures fixtures;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aDoNotCallRequestInALateAnalysisCancelsTheRowTheCallAlreadyCompleted() {
        String campaignId = campaign(tenant, ",\"maxRetries\":2");
        UUID item = active(campaignId, "+14155550301");
        String call = dial(item);
        complete(call, "completed", "completed");
        assertEquals("completed", row(item).get("status"));

        analyzed(call, Map.of("do_not_call", true));
        Map<String, Object> row = row(item);
        assertEquals("cancelled", row.get("status"));
        assertEquals("dnc", row.get("lastOutcome"));
        asTenant(tenant).get("/api/v1/campaigns/" + campaignId).then().body("counters.dnc", equalTo(1));
    }

    @Test
    void aDoNotCallRequestInALateAnalysisCancelsARetryOrCallbackWaitingForTheNumber() {
        UUID retried = active(campaign(tenant, ",\"maxRetries\":2"), "+14155550302");
        String voicemail = dial(retried);
        complete(voicemail, "completed", "voicemail");
        assertEquals("pending", row(retried).get("status"));
        analyzed(voicemail, Map.of("doNotCall", "yes"));
        assertEquals("cancelled", row(retried).get("status"));

        UUID calledBack = active(campaign(tenant, ",\"maxRetries\":0"), "+14155550303");
        String call = dial(calledBack);
        complete(call, "completed", "completed");
        analyzed(call, Map.of("callback_at", OffsetDateTime.now().plusDays(1).withNano(0).toString()));
        assertEquals("pending", row(calledBack).get("status"));
        analyzed(call, Map.of("dnc", "true"));
        assertEquals("cancelled", row(calledBack).get("status"));
    }

    @Test
    void anAnalysisWithoutADoNotCallRequestLeavesACompletedRowAlone() {
        UUID item = active(campaign(tenant, ",\"maxRetries\":2"), "+14155550304");
        String call = dial(item);
        complete(call, "completed", "completed");
        analyzed(call, Map.of("do_not_call", false, "appointment_confirmed", true));
        assertEquals("completed", row(item).get("status"));
    }

    @Test
    void aDoNotCallRequestAboutAnEarlierAttemptLeavesTheLiveAttemptAlone() {
        UUID item = active(campaign(tenant, ",\"maxRetries\":2"), "+14155550305");
        String first = dial(item);
        complete(first, "busy", null);
        dial(item);
        // the earlier call's late analysis while the next attempt is live: that attempt's own outcome decides
        analyzed(first, Map.of("do_not_call", true));
        assertEquals("processing", row(item).get("status"));
    }

    private UUID active(String campaignId, String phone) {
        upload(tenant, campaignId, "phone\n" + phone + "\n");
        asTenant(tenant).post("/api/v1/campaigns/" + campaignId + "/launch").then().statusCode(200);
        List<Object> ids = fixtures.column(tenant, "SELECT id FROM call_queue WHERE campaign_id = ?1", UUID.fromString(campaignId));
        return (UUID) ids.get(0);
    }

    private String dial(UUID item) {
        return fixtures.dial(tenant, item);
    }

    private void complete(String call, String status, String disposition) {
        fixtures.complete(tenant, call, status, disposition);
    }

    private void analyzed(String call, Map<String, Object> structuredData) {
        fixtures.deliver(EventCatalog.CALL_ANALYZED, tenant, new CallAnalyzedV1(call, null, null, "summary", null,
                structuredData, List.of(), Instant.now()));
    }

    private Map<String, Object> row(UUID item) {
        return asTenant(tenant).get("/api/v1/call-queue/" + item).then().statusCode(200).extract().jsonPath().getMap("");
    }
}
