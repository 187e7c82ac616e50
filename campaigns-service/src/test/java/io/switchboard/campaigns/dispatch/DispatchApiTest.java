package io.switchboard.campaigns.dispatch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.testsupport.TestTokens;

/** The dispatcher's HTTP surface: decision records, live operations, compliance rules and dialer settings. */
@QuarkusTest
class DispatchApiTest {

    @Inject
    Dispatcher dispatcher;

    @Inject
    DialerFixtures fx;

    @BeforeEach
    void replicasCurrent() {
        fx.awaitReplicasCurrent();
    }

    private static RequestSpecification as(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }

    @Test
    void aQueueItemsDecisionsAreReadableByItsTenantAndByCallIdButNotByAnother() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        dispatcher.round(Instant.now());
        String callId = UUID.randomUUID().toString();
        fx.deliver(tenant, EventCatalog.CALL_INITIATED, new CallInitiatedV1(callId, "vapi", "p-9", null, "outbound",
                "queued", null, "+14155550000", null, null, null, Instant.now(), fx.dialRequestId(tenant, item)));

        as(tenant).get("/api/v1/call-queue/" + item + "/decisions").then().statusCode(200)
                .body("items[0].outcome", equalTo("dialed"))
                .body("items[0].dialRequestId", equalTo(item + ":1"))
                .body("items[0].callId", equalTo(callId))
                .body("items[0].detail.window.start", equalTo("08:00"));
        as(tenant).queryParam("callId", callId).get("/api/v1/dial-decisions").then().statusCode(200)
                .body("items.queueItemId", hasItem(item.toString()));

        UUID other = UUID.randomUUID();
        as(other).get("/api/v1/call-queue/" + item + "/decisions").then().statusCode(404)
                .contentType("application/problem+json");
        as(other).queryParam("callId", callId).get("/api/v1/dial-decisions").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(tenant).get("/api/v1/call-queue/" + UUID.randomUUID() + "/decisions").then().statusCode(404);
    }

    @Test
    void liveOperationsShowSlotsQueueDepthDialRateAndSkipReasons() {
        UUID tenant = fx.tenantWithCredits();
        UUID campaign = fx.campaign(tenant, "max_concurrent_calls = 2");
        fx.item(tenant, campaign, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.closedZone(), null);
        dispatcher.round(Instant.now());
        as(tenant).get("/api/v1/operations/live").then().statusCode(200)
                .body("activeCalls", equalTo(1))
                .body("tenantLimit", equalTo(10))
                .body("campaigns[0].campaignId", equalTo(campaign.toString()))
                .body("campaigns[0].maxConcurrentCalls", equalTo(2))
                .body("queueDepth.processing", equalTo(1))
                .body("queueDepth.pending", equalTo(1))
                .body("dialsLastMinute", equalTo(1))
                .body("skipReasonsLast15Minutes.outside_window", equalTo(1));
        as(UUID.randomUUID()).get("/api/v1/operations/live").then().statusCode(200).body("activeCalls", equalTo(0));
    }

    @Test
    void theLiveStreamSendsSnapshotsAsServerSentEventsAndEnds() {
        UUID tenant = fx.tenantWithCredits();
        String body = as(tenant).accept("text/event-stream")
                .queryParam("intervalSeconds", 1).queryParam("durationSeconds", 2)
                .get("/api/v1/operations/live/stream").then().statusCode(200).extract().asString();
        long events = body.lines().filter(l -> l.startsWith("data:")).count();
        assertTrue(events >= 1, body);
        assertTrue(body.contains("\"tenantLimit\""), body);
        as(tenant).queryParam("intervalSeconds", 0).get("/api/v1/operations/live/stream").then().statusCode(400);
    }

    @Test
    void complianceRulesHaveAUsRegulationFPresetAndValidateCustomValues() {
        UUID tenant = UUID.randomUUID();
        as(tenant).get("/api/v1/compliance-rules").then().statusCode(200).body("maxAttempts", equalTo(null));
        as(tenant).contentType(ContentType.JSON).body("{\"preset\":\"us_reg_f\"}").put("/api/v1/compliance-rules")
                .then().statusCode(200).body("maxAttempts", equalTo(7)).body("windowDays", equalTo(7))
                .body("quietDaysAfterConversation", equalTo(7));
        as(tenant).contentType(ContentType.JSON).body("{\"preset\":\"custom\",\"maxAttempts\":3}")
                .put("/api/v1/compliance-rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("windowDays"));
        as(tenant).contentType(ContentType.JSON).body("{\"preset\":\"custom\",\"maxAttempts\":0,\"windowDays\":1}")
                .put("/api/v1/compliance-rules").then().statusCode(400).body("errors.field", hasItem("maxAttempts"));
        as(tenant).contentType(ContentType.JSON).body("{\"preset\":\"weekly\"}")
                .put("/api/v1/compliance-rules").then().statusCode(400).body("errors.field", hasItem("preset"));
        as(tenant).get("/api/v1/compliance-rules").then().statusCode(200).body("preset", equalTo("us_reg_f"));
        as(UUID.randomUUID()).get("/api/v1/compliance-rules").then().statusCode(200).body("preset", equalTo(null));
    }

    @Test
    void dialerSettingsDefaultToTheConfiguredLimitAndValidate() {
        UUID tenant = UUID.randomUUID();
        as(tenant).get("/api/v1/dialer-settings").then().statusCode(200).body("maxConcurrentCalls", equalTo(10))
                .body("isDefault", equalTo(true));
        as(tenant).contentType(ContentType.JSON).body("{\"maxConcurrentCalls\":25}").put("/api/v1/dialer-settings")
                .then().statusCode(200).body("maxConcurrentCalls", equalTo(25));
        as(tenant).contentType(ContentType.JSON).body("{\"maxConcurrentCalls\":0}").put("/api/v1/dialer-settings")
                .then().statusCode(400).body("errors.field", hasItem("maxConcurrentCalls"));
        assertEquals(25, as(tenant).get("/api/v1/dialer-settings").then().extract().jsonPath().getInt("maxConcurrentCalls"));
    }
}
