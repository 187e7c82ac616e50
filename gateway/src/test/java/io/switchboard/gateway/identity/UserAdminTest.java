package io.switchboard.gateway.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;

@QuarkusTest
class UserAdminTest {

    @Test
    void adminCreatesAndListsUsersOfTheirOwnOrganizationOnly() {
        Account admin = Accounts.signup();
        Account member = Accounts.member(admin, "user");
        Accounts.signup(); // another organization's admin must not show up

        given().header("Authorization", admin.bearer()).get("/api/v1/users")
                .then().statusCode(200)
                .body("items.email", containsInAnyOrder(admin.email(), member.email()))
                .body("items.tenantId", contains(admin.tenantId().toString(), admin.tenantId().toString()));
    }

    @Test
    void plainUsersCannotManageUsersOrApiKeys() {
        Account member = Accounts.member(Accounts.signup(), "user");

        given().header("Authorization", member.bearer()).get("/api/v1/users")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", member.bearer()).contentType("application/json")
                .body(Map.of("email", "x@example.test", "name", "X", "password", Accounts.PASSWORD))
                .post("/api/v1/users").then().statusCode(403);
        given().header("Authorization", member.bearer()).get("/api/v1/api-keys").then().statusCode(403);
        given().header("Authorization", member.bearer()).get("/api/v1/users/me")
                .then().statusCode(200).body("user.role", equalTo("user"));
    }

    @Test
    void anotherOrganizationsUserIdAnswers404() {
        Account admin = Accounts.signup();
        Account stranger = Accounts.member(Accounts.signup(), "user");

        given().header("Authorization", admin.bearer()).delete("/api/v1/users/" + stranger.userId())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin.bearer()).post("/api/v1/users/" + stranger.userId() + "/activate")
                .then().statusCode(404);
        Accounts.login(stranger.email(), Accounts.PASSWORD); // untouched
    }

    @Test
    void endpointsWithoutATokenAnswer401WithAChallenge() {
        given().get("/api/v1/users/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/sessions")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void sessionsListShowsDevicesAndOneCanBeEnded() {
        Account admin = Accounts.signup();
        Account laptop = Accounts.login(admin.email(), Accounts.PASSWORD, "laptop-browser");

        given().header("Authorization", laptop.bearer()).get("/api/v1/sessions")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", nullValue())
                .body("items.userAgent", hasItem("laptop-browser"))
                .body("items.find { it.current }.id", equalTo(laptop.sessionId().toString()))
                .body("items.ip", hasItem("127.0.0.1"));

        given().header("Authorization", laptop.bearer()).delete("/api/v1/sessions/" + admin.sessionId())
                .then().statusCode(204);

        given().header("Authorization", laptop.bearer()).get("/api/v1/sessions")
                .then().statusCode(200).body("items.id", contains(laptop.sessionId().toString()));
        given().contentType("application/json").body(Map.of("refreshToken", admin.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void someoneElsesSessionAnswers404() {
        Account mine = Accounts.signup();
        Account theirs = Accounts.signup();

        given().header("Authorization", mine.bearer()).delete("/api/v1/sessions/" + theirs.sessionId())
                .then().statusCode(404);
        given().contentType("application/json").body(Map.of("refreshToken", theirs.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200);
    }
}
