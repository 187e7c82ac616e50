package io.switchboard.gateway.edge;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;

/** Public auth endpoints never read credentials: a stale token left in a client's headers cannot break them. */
@QuarkusTest
class PublicEndpointsTest {

    /** A signature-less, long-expired token, as an app would keep sending after a logout. */
    private static final String STALE = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4IiwiZXhwIjoxfQ.c2ln";

    private static RequestSpecification staleClient() {
        return given().contentType("application/json").header("Authorization", STALE)
                .header("X-Api-Key", "sb_deadbeef_notarealkeynotarealkey00");
    }

    @Test
    void loginWithAStaleAuthorizationHeaderLogsIn() {
        Account admin = Accounts.signup();
        staleClient().body(Map.of("email", admin.email(), "password", admin.password()))
                .post("/api/v1/auth/login")
                .then().statusCode(200);
    }

    @Test
    void signupRefreshLogoutAndPasswordResetIgnoreStaleCredentials() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String refresh = staleClient()
                .body(Map.of("organization", Map.of("name", "Stale " + id, "slug", "stale-" + id, "timeZone", "UTC"),
                        "admin", Map.of("email", "stale-" + id + "@example.test", "password", Accounts.PASSWORD,
                                "name", "S")))
                .post("/api/v1/auth/signup")
                .then().statusCode(201).extract().path("refreshToken");

        String next = staleClient().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh")
                .then().statusCode(200).extract().path("refreshToken");
        staleClient().body(Map.of("email", "stale-" + id + "@example.test")).post("/api/v1/auth/password-reset")
                .then().statusCode(202);
        staleClient().body(Map.of("refreshToken", next)).post("/api/v1/auth/logout")
                .then().statusCode(204);
    }

    @Test
    void protectedEndpointsStillReadTheAuthorizationHeader() {
        given().header("Authorization", STALE).get("/api/v1/users/me").then().statusCode(401);
        given().header("Authorization", Accounts.shared().bearer()).get("/api/v1/users/me").then().statusCode(200);
    }
}
