package io.switchboard.campaigns.campaign;

import static io.switchboard.campaigns.Fixtures.asTenant;
import static io.switchboard.campaigns.Fixtures.campaign;
import static io.switchboard.campaigns.Fixtures.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.campaigns.Fixtures;

@QuarkusTest
class CampaignLifecycleTest {

    @Inject
    Fixtures fixtures;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void everySettingIsStoredAndTheHookSecretIsNeverReturned() {
        String id = asTenant(tenant).contentType(ContentType.JSON).body("""
                {"name":"full","agentId":"%s","nextAction":"Book a demo","callingWindowStart":"09:00","callingWindowEnd":"18:00",
                 "allowedWeekdays":[6,1,1],"startDate":"2026-12-01","endDate":"2026-12-31","timeZonePolicy":"campaign",
                 "timeZone":"Europe/Paris","defaultRegion":"fr","maxConcurrentCalls":7,"maxRetries":5,
                 "retryMinutes":{"busy":5,"noAnswer":1440},"priority":9,"dncListIds":["%s"],"requireVoiceConsent":true,
                 "preDialHook":{"url":"https://hooks.example.com/pre","secret":"0123456789abcdef0123","timeoutMs":2000,"failOpen":true}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()))
                .post("/api/v1/campaigns").then().statusCode(201)
                .body("allowedWeekdays", equalTo(List.of(1, 6)))
                .body("defaultRegion", equalTo("FR"))
                .body("retryMinutes.busy", equalTo(5)).body("retryMinutes.noAnswer", equalTo(1440))
                .body("retryMinutes.voicemail", equalTo(240))
                .body("preDialHook.secretSet", equalTo(true)).body("preDialHook.secret", nullValue())
                .body("counters.dialed", equalTo(0))
                .extract().path("id");
        assertEquals("0123456789abcdef0123", fixtures.one(tenant, "SELECT pre_dial_hook_secret FROM campaign WHERE id = ?1",
                UUID.fromString(id)));
        // a patch that leaves the secret out keeps it
        asTenant(tenant).contentType("application/merge-patch+json").body("{\"preDialHook\":{\"timeoutMs\":3000}}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("preDialHook.timeoutMs", equalTo(3000)).body("preDialHook.secretSet", equalTo(true));
    }

    @Test
    void inconsistentSettingsNameTheirFieldsAndMaxAttemptsPointsToItsReplacement() {
        asTenant(tenant).contentType(ContentType.JSON).body("""
                {"name":"bad","timeZonePolicy":"campaign","startDate":"2026-12-10","endDate":"2026-12-01","defaultRegion":"XX",
                 "retryMinutes":{"failed":0},"allowedWeekdays":[8],"maxAttempts":3,
                 "preDialHook":{"url":"http://hooks.example.com/pre"}}""")
                .post("/api/v1/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone")).body("errors.field", hasItem("endDate"))
                .body("errors.field", hasItem("defaultRegion")).body("errors.field", hasItem("retryMinutes.failed"))
                .body("errors.field", hasItem("maxAttempts")).body("errors.field", hasItem("preDialHook.url"))
                .body("errors.field", hasItem("preDialHook.secret"))
                .body("detail", containsString("maxRetries"));
    }

    @Test
    void launchPauseResumeCancelFollowTheLifecycleAndRefuseOtherTransitionsNamingThem() {
        String id = campaign(tenant, "");
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/pause").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("draft → paused"));
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200)
                .body("status", equalTo("active")).body("startedAt", notNullValue());
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(409)
                .body("detail", containsString("active → active"));
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/resume").then().statusCode(409)
                .body("detail", containsString("active → active"));
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/pause").then().statusCode(200).body("status", equalTo("paused"));
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/resume").then().statusCode(200).body("status", equalTo("active"));
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled")).body("completedAt", notNullValue());
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(409)
                .body("detail", containsString("cancelled → cancelled"));
        assertEquals(List.of("launch", "pause", "resume", "cancel"), fixtures.column(tenant, """
                SELECT CAST(cloud_event AS jsonb) -> 'data' ->> 'reason' FROM outbox_event
                WHERE event_key = ?1 AND event_type = 'io.switchboard.campaign.status_changed.v1' ORDER BY seq""", id));
    }

    @Test
    void aCampaignWithoutAnAgentCannotLaunch() {
        String id = asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"no agent\"}").post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(409)
                .body("errors.field", hasItem("agentId"));
    }

    @Test
    void whileActiveOnlyWindowsCapsRetriesAndPriorityChange() {
        String id = campaign(tenant, "");
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        asTenant(tenant).contentType("application/merge-patch+json")
                .body("{\"callingWindowStart\":\"10:00\",\"callingWindowEnd\":\"17:00\",\"maxConcurrentCalls\":3,\"maxRetries\":0,\"priority\":2}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(200)
                .body("callingWindowStart", equalTo("10:00")).body("maxRetries", equalTo(0)).body("priority", equalTo(2));
        asTenant(tenant).contentType("application/merge-patch+json").body("{\"agentId\":\"" + UUID.randomUUID() + "\",\"priority\":3}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(409).body("errors.field", equalTo(List.of("agentId")));
        asTenant(tenant).contentType("application/merge-patch+json").body("{\"status\":\"completed\"}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(400).body("errors.field", equalTo(List.of("status")));
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
        asTenant(tenant).contentType("application/merge-patch+json").body("{\"priority\":4}")
                .patch("/api/v1/campaigns/" + id).then().statusCode(409);
    }

    @Test
    void aLaunchBeforeTheStartDateSchedulesAndTheSchedulerActivatesOnThatDay() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String id = campaign(tenant, ",\"startDate\":\"" + tomorrow + "\"");
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200).body("status", equalTo("scheduled"));
        fixtures.sql(tenant, "UPDATE campaign SET start_date = current_date - 1 WHERE id = ?1", UUID.fromString(id));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asTenant(tenant).get("/api/v1/campaigns/" + id)
                .then().body("status", equalTo("active")));
    }

    @Test
    void afterItsEndDateACampaignCompletesAndItsPendingRowsAreCancelled() {
        String id = campaign(tenant, "");
        upload(tenant, id, "phone\n+14155550101\n+14155550102\n");
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        fixtures.sql(tenant, "UPDATE campaign SET end_date = current_date - 1 WHERE id = ?1", UUID.fromString(id));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asTenant(tenant).get("/api/v1/campaigns/" + id)
                .then().body("status", equalTo("completed")));
        assertEquals(2L, ((Number) fixtures.one(tenant, "SELECT count(*) FROM call_queue WHERE campaign_id = ?1 AND status = 'cancelled'",
                UUID.fromString(id))).longValue());
        assertEquals("end_date", fixtures.one(tenant, """
                SELECT CAST(cloud_event AS jsonb) -> 'data' ->> 'reason' FROM outbox_event
                WHERE event_key = ?1 AND event_type = 'io.switchboard.campaign.completed.v1'""", id));
    }

    @Test
    void cancellingCancelsThePendingRowsButNotTheOneBeingDialed() {
        String id = campaign(tenant, "");
        upload(tenant, id, "phone\n+14155550111\n+14155550112\n");
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        UUID first = (UUID) fixtures.one(tenant, "SELECT id FROM call_queue WHERE campaign_id = ?1 ORDER BY phone LIMIT 1",
                UUID.fromString(id));
        fixtures.claim(tenant, first);
        asTenant(tenant).post("/api/v1/campaigns/" + id + "/cancel").then().statusCode(200);
        assertEquals(List.of("processing", "cancelled"), fixtures.column(tenant,
                "SELECT status FROM call_queue WHERE campaign_id = ?1 ORDER BY phone", UUID.fromString(id)));
    }
}
