package io.switchboard.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.switchboard.system.RunningPlatform.SignedUp;

/**
 * The walking skeleton, end to end with every part real: client → gateway (signup, token) →
 * calls-service → PostgreSQL + outbox → Kafka → analytics-service consumer → PostgreSQL → gateway → client.
 */
class WalkingSkeletonTest {

    private static RunningPlatform platform;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.get();
    }

    @Test
    void aCallCreatedThroughTheGatewayIsCountedByAnalyticsAndReadBackThroughTheGateway() {
        SignedUp tenant = platform.signUp();
        String callId = given().baseUri(platform.url()).header("Authorization", tenant.bearer())
                .header("X-Request-Id", "skeleton-1")
                .contentType(ContentType.JSON).body("{\"toNumber\":\"+14155550123\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(201).header("X-Request-Id", "skeleton-1").body("status", equalTo("queued"))
                // the Location names the public gateway, never the internal service address
                .header("Location", startsWith(platform.url() + "/api/v1/calls/"))
                .extract().path("id");

        given().baseUri(platform.url()).header("Authorization", tenant.bearer()).get("/api/v1/calls/" + callId)
                .then().statusCode(200).body("toNumber", equalTo("+14155550123"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(platform.url()).header("Authorization", tenant.bearer())
                        .get("/api/v1/analytics/tenant/summary")
                        .then().statusCode(200).body("callsCreated", equalTo(1)));
    }

    @Test
    void withoutCredentialsTheGatewayAnswers401ProblemAndNeverReachesTheService() {
        given().baseUri(platform.url()).header("X-Tenant-Id", tenantIdOfSomeoneElse())
                .get("/api/v1/calls")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static String tenantIdOfSomeoneElse() {
        return platform.signUp().tenantId().toString();
    }
}
