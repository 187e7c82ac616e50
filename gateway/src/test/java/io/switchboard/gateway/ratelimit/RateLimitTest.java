package io.switchboard.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;

@QuarkusTest
class RateLimitTest {

    @Test
    void tenantOverItsLimitGets429WithRetryAfterAndRateLimitHeaders() {
        Account admin = Accounts.signup();
        setTenantLimit(admin, 3);
        WireMock calls = upstream("calls");
        String path = "/api/v1/calls/limited-" + admin.tenantId();
        calls.register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));

        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("Authorization", admin.bearer()).get(path)
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        Response refused = given().header("Authorization", admin.bearer()).get(path);

        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/rate-limited"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(Long.parseLong(refused.header("RateLimit-Reset")) >= retryAfter);
        assertEquals(3, calls.find(getRequestedFor(urlEqualTo(path))).size(), "the refused call never went upstream");
    }

    @Test
    void oneTenantsLimitDoesNotSlowAnotherDown() {
        Account busy = Accounts.signup();
        Account other = Accounts.signup();
        setTenantLimit(busy, 1);
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/fair")).willReturn(aResponse().withStatus(200)));

        given().header("Authorization", busy.bearer()).get("/api/v1/calls/fair").then().statusCode(200);
        given().header("Authorization", busy.bearer()).get("/api/v1/calls/fair").then().statusCode(429);

        given().header("Authorization", other.bearer()).get("/api/v1/calls/fair").then().statusCode(200);
    }

    @Test
    void apiKeyHasItsOwnBucketInsideTheTenants() {
        Account admin = Accounts.signup();
        String key = given().header("Authorization", admin.bearer()).contentType("application/json")
                .body(Map.of("name", "slow key", "scopes", List.of("calls:read"), "rateLimitPerMinute", 2))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/keyed")).willReturn(aResponse().withStatus(200)));

        given().header("X-Api-Key", key).get("/api/v1/calls/keyed").then().statusCode(200).header("RateLimit-Limit", "2");
        given().header("X-Api-Key", key).get("/api/v1/calls/keyed").then().statusCode(200);
        given().header("X-Api-Key", key).get("/api/v1/calls/keyed").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());

        // the tenant's own budget (default 600/min) is far from used up
        given().header("Authorization", admin.bearer()).get("/api/v1/calls/keyed").then().statusCode(200);
    }

    private static void setTenantLimit(Account tenant, int perMinute) {
        given().header("Authorization", Accounts.superAdmin().bearer()).contentType("application/json")
                .body(Map.of("rateLimitPerMinute", perMinute))
                .put("/api/v1/admin/tenants/" + tenant.tenantId() + "/rate-limit")
                .then().statusCode(200).body("rateLimitPerMinute", equalTo(perMinute));
    }
}
