package io.switchboard.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;

/** A still-valid access token stops working on every gateway endpoint once its user, session or tenant has ended. */
@QuarkusTest
class LiveUserTest {

    @Test
    void aDeactivatedUsersValidTokenIs401OnCredits() {
        Account admin = Accounts.signup();
        Account member = Accounts.member(admin, "user");
        given().header("Authorization", member.bearer()).get("/api/v1/credits").then().statusCode(200);

        given().header("Authorization", admin.bearer()).delete("/api/v1/users/" + member.userId()).then().statusCode(204);

        given().header("Authorization", member.bearer()).get("/api/v1/credits")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", member.bearer()).get("/api/v1/credits/transactions").then().statusCode(401);
    }

    @Test
    void aLoggedOutSuperAdminsValidTokenIs401OnTheAuditLog() {
        Account root = Accounts.superAdmin();
        given().header("Authorization", root.bearer()).get("/api/v1/admin/audit-log").then().statusCode(200);

        given().contentType("application/json").body(Map.of("refreshToken", root.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);

        given().header("Authorization", root.bearer()).get("/api/v1/admin/audit-log")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aSuspendedTenantsValidTokenIs403OnCredits() {
        Account admin = Accounts.signup();
        given().header("Authorization", admin.bearer()).get("/api/v1/credits").then().statusCode(200);

        given().header("Authorization", Accounts.superAdmin().bearer()).contentType("application/json").body("{}")
                .post("/api/v1/admin/tenants/" + admin.tenantId() + "/suspend").then().statusCode(200);

        given().header("Authorization", admin.bearer()).get("/api/v1/credits")
                .then().statusCode(403)
                .body("type", equalTo("https://switchboard.io/problems/tenant-suspended"));
    }
}
