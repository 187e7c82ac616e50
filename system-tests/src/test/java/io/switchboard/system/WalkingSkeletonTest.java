package io.switchboard.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.ServiceProcess;

/**
 * The walking skeleton, end to end with every part real: client → gateway → calls-service →
 * PostgreSQL + outbox → Kafka → analytics-service consumer → PostgreSQL → gateway → client.
 */
class WalkingSkeletonTest {

    private static ServiceProcess calls;
    private static ServiceProcess analytics;
    private static ServiceProcess gateway;

    @BeforeAll
    static void startPlatform() {
        Infra.ensureStarted();
        calls = ServiceProcess.start("calls-service", "SWITCHBOARD_CALLS_PORT", Map.of());
        analytics = ServiceProcess.start("analytics-service", "SWITCHBOARD_ANALYTICS_PORT", Map.of());
        gateway = ServiceProcess.start("gateway", "SWITCHBOARD_GATEWAY_PORT", Map.of(
                "SWITCHBOARD_CALLS_URL", calls.url(),
                "SWITCHBOARD_ANALYTICS_URL", analytics.url(),
                // contacts and campaigns are not part of this skeleton: point them at a closed port
                "SWITCHBOARD_CONTACTS_URL", "http://127.0.0.1:9",
                "SWITCHBOARD_CAMPAIGNS_URL", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void stopPlatform() {
        for (ServiceProcess service : new ServiceProcess[] { gateway, analytics, calls }) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aCallCreatedThroughTheGatewayIsCountedByAnalyticsAndReadBackThroughTheGateway() {
        String tenant = UUID.randomUUID().toString();
        String callId = given().baseUri(gateway.url()).header("X-Tenant-Id", tenant).header("X-Request-Id", "skeleton-1")
                .contentType(ContentType.JSON).body("{\"toNumber\":\"+14155550123\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(201).header("X-Request-Id", "skeleton-1").body("status", equalTo("queued"))
                .extract().path("id");

        given().baseUri(gateway.url()).header("X-Tenant-Id", tenant).get("/api/v1/calls/" + callId)
                .then().statusCode(200).body("toNumber", equalTo("+14155550123"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(gateway.url()).header("X-Tenant-Id", tenant).get("/api/v1/analytics/tenant/summary")
                        .then().statusCode(200).body("callsCreated", equalTo(1)));
    }

    @Test
    void anUpstreamThatIsDownAnswers503ProblemThroughTheGateway() {
        given().baseUri(gateway.url()).header("X-Tenant-Id", UUID.randomUUID().toString()).get("/api/v1/contacts")
                .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));
    }

    @Test
    void anotherTenantCannotReadTheCallThroughTheGateway() {
        String callId = given().baseUri(gateway.url()).header("X-Tenant-Id", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"toNumber\":\"+14155550123\"}")
                .post("/api/v1/calls").then().statusCode(201).extract().path("id");
        given().baseUri(gateway.url()).header("X-Tenant-Id", UUID.randomUUID().toString()).get("/api/v1/calls/" + callId)
                .then().statusCode(404).contentType("application/problem+json");
    }
}
