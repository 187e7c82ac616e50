package io.switchboard.campaigns.outcome;

import static io.switchboard.campaigns.Fixtures.asTenant;
import static io.switchboard.campaigns.Fixtures.campaign;
import static io.switchboard.campaigns.Fixtures.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.campaigns.Fixtures;
import io.switchboard.campaigns.dispatch.DialRules;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallInitiatedV1;

/**
 * A number the dispatcher found blocked (DNC, opt-out, do-not-contact) stays pending and is rechecked hourly; it
 * must not keep its campaign open for ever once everything else is done (the demo's list has DNC numbers).
 */
@QuarkusTest
class BlockedRowsCompletionTest {

    @Inject
    Fixtures fixtures;

    private final UUID tenant = UUID.randomUUID();

    /** Launched with one row per number; the rows' ids in the order of the numbers, read through the queue API. */
    private List<UUID> launched(String campaignId, String... phones) {
        upload(tenant, campaignId, "phone\n" + String.join("\n", phones) + "\n");
        asTenant(tenant).post("/api/v1/campaigns/" + campaignId + "/launch").then().statusCode(200);
        Map<String, String> ids = new HashMap<>();
        asTenant(tenant).get("/api/v1/call-queue?campaignId=" + campaignId).then().statusCode(200).extract().jsonPath()
                .getList("items", Map.class).forEach(row -> ids.put((String) row.get("phone"), (String) row.get("id")));
        return Stream.of(phones).map(p -> UUID.fromString(ids.get(p))).toList();
    }

    /** What the dispatcher's skip leaves on a row: pending, rechecked later, with the reason. */
    private void skipped(UUID item, String reason) {
        fixtures.sql(tenant, "UPDATE call_queue SET last_skip_reason = ?2, scheduled_for = now() + interval '1 hour'"
                + " WHERE id = ?1", item, reason);
    }

    private void completeCall(UUID item) {
        String request = fixtures.claim(tenant, item);
        String call = UUID.randomUUID().toString();
        fixtures.deliver(EventCatalog.CALL_INITIATED, tenant, new CallInitiatedV1(call, "bolna", "p-" + call, null,
                "outbound", "queued", null, "+14155550100", null, null, null, Instant.now(), request));
        fixtures.deliver(EventCatalog.CALL_COMPLETED, tenant, new CallCompletedV1(call, "completed", null, 30, null, null,
                null, Instant.now()));
    }

    private String status(UUID item) {
        return asTenant(tenant).get("/api/v1/call-queue/" + item).then().statusCode(200).extract().path("status");
    }

    @Test
    void theLastFinalOutcomeCompletesACampaignWhoseOtherPendingRowsAreBlockedAndCancelsThemWithTheirReason() {
        String campaignId = campaign(tenant, ",\"maxRetries\":0");
        List<UUID> rows = launched(campaignId, "+14155550601", "+14155550602", "+14155550603");
        skipped(rows.get(1), DialRules.DNC_INTERNAL);
        skipped(rows.get(2), DialRules.VOICE_OPT_OUT);
        completeCall(rows.get(0));
        asTenant(tenant).get("/api/v1/campaigns/" + campaignId).then().body("status", equalTo("completed"));
        assertEquals("completed", status(rows.get(0)));
        for (UUID blocked : rows.subList(1, 3)) {
            assertEquals("cancelled", status(blocked));
        }
        assertEquals(List.of(DialRules.DNC_INTERNAL, DialRules.VOICE_OPT_OUT), fixtures.column(tenant,
                "SELECT last_skip_reason FROM call_queue WHERE id IN (?1, ?2) ORDER BY phone", rows.get(1), rows.get(2)));
    }

    @Test
    void aRowWaitingForAnythingElseThanABlockKeepsTheCampaignOpen() {
        String campaignId = campaign(tenant, ",\"maxRetries\":0");
        List<UUID> rows = launched(campaignId, "+14155550611", "+14155550612", "+14155550613");
        skipped(rows.get(1), DialRules.DNC_LIST);
        skipped(rows.get(2), DialRules.OUTSIDE_WINDOW); // it may be dialed when the window opens
        completeCall(rows.get(0));
        asTenant(tenant).get("/api/v1/campaigns/" + campaignId).then().body("status", equalTo("active"));
        assertEquals("pending", status(rows.get(1)));
        assertEquals("pending", status(rows.get(2)));
    }
}
