package io.switchboard.gateway.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;
import io.switchboard.gateway.Db;
import io.switchboard.gateway.security.Secrets;

@QuarkusTest
class AuthFlowTest {

    @Inject
    CapturingAccountMailer mailer;

    @Test
    void signupCreatesTheOrganizationAndItsAdminAndReturnsWorkingTokens() {
        Account admin = Accounts.signup();

        given().header("Authorization", admin.bearer()).get("/api/v1/users/me")
                .then().statusCode(200)
                .body("user.email", equalTo(admin.email()))
                .body("user.role", equalTo("admin"))
                .body("organization.id", equalTo(admin.tenantId().toString()))
                .body("organization.status", equalTo("active"))
                .body("organization.timeZone", equalTo("Europe/Berlin"));
        String hash = (String) Db.value("SELECT password_hash FROM users WHERE id = ?", admin.userId());
        assertTrue(hash.startsWith("$2"), "bcrypt hash stored, not the password");
    }

    @Test
    void signupNamesTheInvalidFields() {
        given().contentType("application/json")
                .body(Map.of("organization", Map.of("name", "X", "slug", "Bad Slug!", "timeZone", "Mars/Olympus"),
                        "admin", Map.of("email", "not-an-email", "password", "short", "name", "A")))
                .post("/api/v1/auth/signup")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("organization.slug", "admin.email", "admin.password"));
    }

    @Test
    void signupWithATakenEmailIsAConflictOnThatField() {
        Account existing = Accounts.signup();
        given().contentType("application/json")
                .body(Map.of("organization", Map.of("name", "Other", "slug", "other-" + UUID.randomUUID().toString().substring(0, 8),
                        "timeZone", "UTC"),
                        "admin", Map.of("email", existing.email().toUpperCase(), "password", Accounts.PASSWORD, "name", "B")))
                .post("/api/v1/auth/signup")
                .then().statusCode(409)
                .body("errors.field", hasItem("admin.email"));
    }

    @Test
    void wrongPasswordIs401Problem() {
        Account admin = Accounts.signup();
        given().contentType("application/json").body(Map.of("email", admin.email(), "password", "wrong password!"))
                .post("/api/v1/auth/login")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void refreshRotatesTheRefreshTokenAndKeepsTheSession() {
        Account admin = Accounts.signup();

        Response rotated = refresh(admin.refreshToken());
        rotated.then().statusCode(200);
        String next = rotated.jsonPath().getString("refreshToken");
        assertNotEquals(admin.refreshToken(), next);
        assertEquals(admin.sessionId().toString(), rotated.jsonPath().getString("sessionId"));
        given().header("Authorization", "Bearer " + rotated.jsonPath().getString("accessToken")).get("/api/v1/users/me")
                .then().statusCode(200);
        assertEquals(1, Db.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = ? AND revoked_at IS NOT NULL "
                + "AND replaced_by IS NOT NULL", Secrets.sha256(admin.refreshToken())));
        assertEquals(0, Db.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = ?", next),
                "only hashes are stored");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Account admin = Accounts.signup();
        String next = refresh(admin.refreshToken()).then().statusCode(200).extract().path("refreshToken");

        refresh(admin.refreshToken()).then().statusCode(401).contentType("application/problem+json");

        refresh(next).then().statusCode(401); // the thief's (or the victim's) newer token is dead too
        assertEquals("reuse", Db.value("SELECT revoked_reason FROM sessions WHERE id = ?", admin.sessionId()));
        given().header("Authorization", admin.bearer()).get("/api/v1/users/me").then().statusCode(401);
    }

    @Test
    void logoutRevokesTheSession() {
        Account admin = Accounts.signup();

        given().contentType("application/json").body(Map.of("refreshToken", admin.refreshToken()))
                .post("/api/v1/auth/logout").then().statusCode(204);

        refresh(admin.refreshToken()).then().statusCode(401);
        given().header("Authorization", admin.bearer()).get("/api/v1/users/me").then().statusCode(401);
    }

    @Test
    void deactivatedUserCannotLogInRefreshOrUseTheirToken() {
        Account admin = Accounts.signup();
        Account member = Accounts.member(admin, "user");

        given().header("Authorization", admin.bearer()).delete("/api/v1/users/" + member.userId())
                .then().statusCode(204);

        given().contentType("application/json").body(Map.of("email", member.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
        refresh(member.refreshToken()).then().statusCode(401);
        given().header("Authorization", member.bearer()).get("/api/v1/users/me").then().statusCode(401);
        given().header("Authorization", member.bearer()).get("/api/v1/calls/anything").then().statusCode(401);
    }

    @Test
    void repeatedFailedLoginsAreThrottledWith429AndRetryAfter() {
        Account admin = Accounts.signup();
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").body(Map.of("email", admin.email(), "password", "wrong password " + i))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }

        // even the right password is refused while the account is throttled
        given().contentType("application/json").body(Map.of("email", admin.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue());
        long retryAfter = Long.parseLong(given().contentType("application/json")
                .body(Map.of("email", admin.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "retry after " + retryAfter);
        assertEquals(5, Db.count("SELECT count(*) FROM login_attempts WHERE email = ? AND NOT success", admin.email()));
    }

    @Test
    void passwordResetTokenWorksOnceOnly() {
        Account admin = Accounts.signup();
        given().contentType("application/json").body(Map.of("email", admin.email()))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        List<AccountMailer.PasswordResetMail> mails = mailer.sentTo(admin.email());
        assertEquals(1, mails.size());
        String token = mails.get(0).token();
        assertEquals(0, Db.count("SELECT count(*) FROM password_reset_tokens WHERE token_hash = ?", token));

        confirm(token, "a brand new password").then().statusCode(204);

        confirm(token, "another new password").then().statusCode(400).body("errors.field", hasItem("token"));
        given().contentType("application/json").body(Map.of("email", admin.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
        Accounts.login(admin.email(), "a brand new password");
        refresh(admin.refreshToken()).then().statusCode(401); // a reset ends every existing session
    }

    @Test
    void expiredPasswordResetTokenIsRejected() {
        Account admin = Accounts.signup();
        given().contentType("application/json").body(Map.of("email", admin.email()))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        String token = mailer.sentTo(admin.email()).get(0).token();
        Db.update("UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute' WHERE token_hash = ?",
                Secrets.sha256(token));

        confirm(token, "a brand new password").then().statusCode(400).body("errors.field", hasItem("token"));
        Accounts.login(admin.email(), Accounts.PASSWORD);
    }

    @Test
    void passwordResetForAnUnknownAddressLooksTheSameAndSendsNothing() {
        String email = "nobody-" + UUID.randomUUID() + "@example.test";
        given().contentType("application/json").body(Map.of("email", email))
                .post("/api/v1/auth/password-reset").then().statusCode(202);
        assertTrue(mailer.sentTo(email).isEmpty());
    }

    @Test
    void jwksPublishesTheSigningKey() {
        given().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].kid", equalTo("switchboard"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].n", notNullValue())
                .body("keys[0].d", equalTo(null));
    }

    private static Response refresh(String token) {
        return given().contentType("application/json").body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    private static Response confirm(String token, String password) {
        return given().contentType("application/json").body(Map.of("token", token, "newPassword", password))
                .post("/api/v1/auth/password-reset/confirm");
    }
}
