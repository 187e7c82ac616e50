package io.switchboard.campaigns.queue;

import static io.switchboard.campaigns.Fixtures.asTenant;
import static io.switchboard.campaigns.Fixtures.campaign;
import static io.switchboard.campaigns.Fixtures.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.switchboard.campaigns.Fixtures;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
class QueueApiTest {

    private final UUID tenant = UUID.randomUUID();

    @Inject
    Fixtures fixtures;

    @Test
    void aDirectCallGoesAheadOfEveryDueCampaignRow() {
        String campaignId = campaign(tenant, "");
        upload(tenant, campaignId, "phone\n+14155550401\n+14155550402\n");
        String rowId = asTenant(tenant).get("/api/v1/call-queue?campaignId=" + campaignId).then().statusCode(200)
                .extract().path("items[0].id");
        asTenant(tenant).get("/api/v1/call-queue/" + rowId).then().body("position", equalTo(2));
        String direct = asTenant(tenant).contentType(ContentType.JSON)
                .body("{\"agentId\":\"" + UUID.randomUUID() + "\",\"phone\":\"(415) 555-0403\",\"region\":\"US\",\"variables\":{\"k\":\"v\"}}")
                .post("/api/v1/direct-calls").then().statusCode(201)
                .body("callType", equalTo("direct")).body("campaignId", nullValue()).body("phone", equalTo("+14155550403"))
                .body("timeZones[0]", equalTo("America/Los_Angeles")).body("position", equalTo(1))
                .extract().path("id");
        asTenant(tenant).get("/api/v1/direct-calls/" + direct).then().statusCode(200).body("status", equalTo("pending"))
                .body("position", equalTo(1));
        asTenant(tenant).get("/api/v1/call-queue/" + rowId).then().body("position", equalTo(3));
        // a campaign row is not a direct call, and another tenant sees neither
        asTenant(tenant).get("/api/v1/direct-calls/" + rowId).then().statusCode(404);
        asTenant(UUID.randomUUID()).get("/api/v1/direct-calls/" + direct).then().statusCode(404);
        asTenant(UUID.randomUUID()).get("/api/v1/call-queue/" + rowId).then().statusCode(404);
    }

    @Test
    void badDirectCallsAndFiltersNameTheirField() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"agentId\":\"" + UUID.randomUUID() + "\",\"phone\":\"4155550403\"}")
                .post("/api/v1/direct-calls").then().statusCode(400).body("errors[0].field", equalTo("phone"));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550403\"}")
                .post("/api/v1/direct-calls").then().statusCode(400).body("errors[0].field", equalTo("agentId"));
        asTenant(tenant).get("/api/v1/call-queue?status=sleeping").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void progressCountsRowsByStatusAndItsStreamEndsWithTheCancelledCampaign() throws Exception {
        String campaignId = campaign(tenant, "");
        upload(tenant, campaignId, "phone\n+14155550411\n+14155550412\n+14155550413\n");
        asTenant(tenant).get("/api/v1/campaigns/" + campaignId + "/progress").then().statusCode(200)
                .body("counts.pending", equalTo(3)).body("counts.completed", equalTo(0)).body("total", equalTo(3))
                .body("dialsPerMinute", equalTo(0.0f)).body("etaSeconds", nullValue())
                .body("dialed", equalTo(0)).body("retryPending", equalTo(0)).body("skipped", equalTo(0));
        asTenant(UUID.randomUUID()).get("/api/v1/campaigns/" + campaignId + "/progress/stream").then().statusCode(404);

        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/v1/campaigns/" + campaignId + "/progress/stream"))
                .header("Authorization", TestTokens.bearer(tenant)).header("Accept", "text/event-stream").build();
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            Iterator<String> events = response.body().filter(line -> line.startsWith("data:")).iterator();
            String first = events.next();
            assertTrue(first.contains("\"pending\":3") && first.contains("\"status\":\"draft\""), first);
            asTenant(tenant).post("/api/v1/campaigns/" + campaignId + "/cancel").then().statusCode(200);
            String event;
            do {
                event = events.next();
            } while (!event.contains("\"status\":\"cancelled\""));
            assertTrue(event.contains("\"cancelled\":3"), event);
            assertTrue(!events.hasNext(), "the stream ends with the campaign");
        });
    }

    @Test
    void progressShowsTheCampaignsDialAndSkipCountersAndThePendingRowsThatWaitForARetryOrACallback() {
        String campaignId = campaign(tenant, "");
        upload(tenant, campaignId, "phone\n+14155550421\n+14155550422\n+14155550423\n+14155550424\n");
        UUID campaign = UUID.fromString(campaignId);
        fixtures.sql(tenant, "UPDATE campaign SET dialed_count = 5, skipped_count = 2 WHERE id = ?1", campaign);
        fixtures.sql(tenant, "UPDATE call_queue SET kind = 'retry', attempts = 1 WHERE campaign_id = ?1 AND phone = '+14155550421'", campaign);
        fixtures.sql(tenant, "UPDATE call_queue SET kind = 'callback', attempts = 1 WHERE campaign_id = ?1 AND phone = '+14155550422'", campaign);
        // a retry that is no longer pending is not waiting for anything
        fixtures.sql(tenant, "UPDATE call_queue SET kind = 'retry', attempts = 2, status = 'busy' WHERE campaign_id = ?1"
                + " AND phone = '+14155550423'", campaign);
        asTenant(tenant).get("/api/v1/campaigns/" + campaignId + "/progress").then().statusCode(200)
                .body("counts.pending", equalTo(3)).body("counts.busy", equalTo(1))
                .body("dialed", equalTo(5)).body("retryPending", equalTo(2)).body("skipped", equalTo(2));
    }
}
