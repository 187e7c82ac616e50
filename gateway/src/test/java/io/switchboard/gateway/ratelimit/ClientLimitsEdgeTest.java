package io.switchboard.gateway.ratelimit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.RawHttp;

/**
 * Limits per client address at the edge. Tests speak as the trusted ingress (127.0.0.1, see
 * quarkus.http.proxy.trusted-proxies) naming a client address of their own in X-Forwarded-For, and as an
 * untrusted client from 127.0.0.2.
 */
@QuarkusTest
class ClientLimitsEdgeTest {

    private static int limit(String name) {
        return ConfigProvider.getConfig().getValue("switchboard.rate-limit.client." + name, Integer.class);
    }

    private static String newClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    @Test
    void failedAuthenticationsFromOneAddressAreLimitedAndOnlyThatAddressIsRefused() {
        String client = newClientAddress();
        int limit = limit("failed-auth-per-ip");
        for (int i = 0; i < limit; i++) {
            given().header("X-Forwarded-For", client).header("Authorization", "Bearer not-a-token")
                    .get("/api/v1/calls/guess").then().statusCode(401);
        }

        given().header("X-Forwarded-For", client).header("Authorization", Accounts.shared().bearer())
                .get("/api/v1/users/me")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://switchboard.io/problems/rate-limited"));
        given().header("X-Forwarded-For", newClientAddress()).header("Authorization", Accounts.shared().bearer())
                .get("/api/v1/users/me").then().statusCode(200);
    }

    @Test
    void wrongPasswordsCountAsFailedAuthentications() {
        String client = newClientAddress();
        int limit = limit("failed-auth-per-ip");
        String email = "nobody-" + UUID.randomUUID() + "@example.test";
        // the login throttle's own per-IP limit is higher in tests; this one is in memory and cheaper
        for (int i = 0; i < limit; i++) {
            given().header("X-Forwarded-For", client).contentType("application/json")
                    .body(Map.of("email", i + email, "password", "wrong password"))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        given().header("X-Forwarded-For", client).contentType("application/json")
                .body(Map.of("email", email, "password", "wrong password"))
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void anUntrustedPeerCannotDodgeTheLimitWithForwardedHeaders() {
        int limit = limit("failed-auth-per-ip");
        for (int i = 0; i < limit; i++) {
            RawHttp.Response response = RawHttp.sendFrom("127.0.0.2", "GET", "/api/v1/calls/guess", null,
                    "X-Forwarded-For: " + newClientAddress(), "Authorization: Bearer not-a-token");
            assertEquals(401, response.status(), "request " + i);
        }
        // a fresh forwarded address changes nothing: the peer 127.0.0.2 is not a trusted proxy, its socket is the key
        RawHttp.Response refused = RawHttp.sendFrom("127.0.0.2", "GET", "/api/v1/calls/guess", null,
                "X-Forwarded-For: " + newClientAddress(), "Authorization: Bearer not-a-token");
        assertEquals(429, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
    }

    @Test
    void anUntrustedPeersForwardedForIsReplacedNotPassedOn() {
        String marker = "xff-" + UUID.randomUUID();
        upstream("calls").register(get(urlEqualTo("/webhooks/test/" + marker)).willReturn(aResponse().withStatus(204)));

        assertEquals(204, RawHttp.sendFrom("127.0.0.3", "GET", "/webhooks/test/" + marker, null,
                "X-Forwarded-For: 203.0.113.66").status());

        assertEquals(1, upstream("calls").find(getRequestedFor(urlEqualTo("/webhooks/test/" + marker))
                .withHeader("X-Forwarded-For", com.github.tomakehurst.wiremock.client.WireMock.equalTo("127.0.0.3")))
                .size());
    }

    @Test
    void signUpsAreLimitedPerAddressWith429AndRetryAfter() {
        String client = newClientAddress();
        int limit = limit("signup-per-ip");
        for (int i = 0; i < limit; i++) {
            // invalid bodies are cheap and count all the same: the budget is for sign-up requests
            given().header("X-Forwarded-For", client).contentType("application/json").body("{}")
                    .post("/api/v1/auth/signup").then().statusCode(400);
        }

        String id = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> valid = Map.of(
                "organization", Map.of("name", "Limited " + id, "slug", "limited-" + id, "timeZone", "UTC"),
                "admin", Map.of("email", "limited-" + id + "@example.test", "password", Accounts.PASSWORD, "name", "L"));
        given().header("X-Forwarded-For", client).contentType("application/json").body(valid)
                .post("/api/v1/auth/signup")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://switchboard.io/problems/rate-limited"));
        given().header("X-Forwarded-For", newClientAddress()).contentType("application/json").body(valid)
                .post("/api/v1/auth/signup").then().statusCode(201);
    }
}
