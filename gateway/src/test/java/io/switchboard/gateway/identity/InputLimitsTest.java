package io.switchboard.gateway.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;
import io.switchboard.gateway.Db;

/**
 * A string longer than the column it lands in is a 400 naming the field, never a 500 from the database, on every
 * identity, user, API key and admin body.
 */
@QuarkusTest
class InputLimitsTest {

    /** 64 + 1 + 235 characters: as long as Jakarta's @Email allows a local part and a domain to be. */
    static final String EMAIL_300 = "a".repeat(64) + "@" + ("b".repeat(63) + ".").repeat(3) + "c".repeat(30) + ".example.test";

    private static final String PASSWORD = Accounts.PASSWORD;

    @Test
    void loginWithAValid300CharacterEmailIsA400NamingTheEmailNotA500() {
        if (EMAIL_300.length() != 300) {
            throw new IllegalStateException("the fixture is " + EMAIL_300.length() + " characters");
        }
        given().contentType("application/json").body(Map.of("email", EMAIL_300, "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void aFailedLoginWithTheLongestAllowedEmailIsA401AndItsAttemptIsRecorded() {
        String email = "x".repeat(64) + "@" + ("d".repeat(63) + ".").repeat(2) + UUID.randomUUID().toString().substring(0, 8)
                + "e".repeat(41) + ".example.test";
        if (email.length() != 255) {
            throw new IllegalStateException("the fixture is " + email.length() + " characters");
        }
        given().contentType("application/json").body(Map.of("email", email, "password", PASSWORD))
                .post("/api/v1/auth/login")
                .then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(1,
                Db.count("SELECT count(*) FROM login_attempts WHERE email = ? AND NOT success", email));
    }

    @Test
    void anEmailThatLowerCasingLengthensPastTheColumnIsA400NotA500() {
        // U+0130 (capital I with dot) lower-cases to two characters: 255 in, 256 out
        String local = "\u0130" + "a".repeat(63);
        String domain = ("d".repeat(63) + ".").repeat(2) + UUID.randomUUID().toString().substring(0, 8) + "e".repeat(41)
                + ".example.test";
        String email = local + "@" + domain;
        if (email.length() != 255) {
            throw new IllegalStateException("the fixture is " + email.length() + " characters");
        }
        String slug = "u-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body(Map.of("organization", Map.of("name", "Org", "slug", slug, "timeZone", "UTC"),
                        "admin", Map.of("email", email, "password", PASSWORD, "name", "Ada")))
                .post("/api/v1/auth/signup")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("admin.email"))
                // the stored form is what is too long, not the address as sent (which @Email and @Size accept)
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("at most 255")));
    }

    static Stream<Arguments> overlongPublicBodies() {
        String slug = "s-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> org = Map.of("name", "Org", "slug", slug, "timeZone", "UTC");
        Map<String, Object> admin = Map.of("email", "ok-" + slug + "@example.test", "password", PASSWORD, "name", "Ada");
        return Stream.of(
                Arguments.of("/api/v1/auth/login", Map.of("email", "a@example.test", "password", "p".repeat(73)), "password"),
                Arguments.of("/api/v1/auth/refresh", Map.of("refreshToken", "r".repeat(5000)), "refreshToken"),
                Arguments.of("/api/v1/auth/logout", Map.of("refreshToken", "r".repeat(5000)), "refreshToken"),
                Arguments.of("/api/v1/auth/password-reset", Map.of("email", EMAIL_300), "email"),
                Arguments.of("/api/v1/auth/password-reset/confirm",
                        Map.of("token", "t".repeat(5000), "newPassword", PASSWORD), "token"),
                Arguments.of("/api/v1/auth/signup", Map.of("organization", with(org, "name", "n".repeat(256)), "admin", admin),
                        "organization.name"),
                Arguments.of("/api/v1/auth/signup", Map.of("organization", with(org, "timeZone", "Z".repeat(65)), "admin", admin),
                        "organization.timeZone"),
                Arguments.of("/api/v1/auth/signup", Map.of("organization", org, "admin", with(admin, "email", EMAIL_300)),
                        "admin.email"),
                Arguments.of("/api/v1/auth/signup", Map.of("organization", org, "admin", with(admin, "name", "n".repeat(256))),
                        "admin.name"));
    }

    @ParameterizedTest
    @MethodSource("overlongPublicBodies")
    void anOverlongFieldOfAPublicAuthBodyIsA400NamingIt(String path, Map<String, Object> body, String field) {
        given().contentType("application/json").body(body).post(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    static Stream<Arguments> overlongAdminBodies() {
        Map<String, Object> user = Map.of("email", "u-" + UUID.randomUUID() + "@example.test", "name", "U",
                "password", PASSWORD);
        return Stream.of(
                Arguments.of("/api/v1/users", with(user, "email", EMAIL_300), "email"),
                Arguments.of("/api/v1/users", with(user, "name", "n".repeat(256)), "name"),
                Arguments.of("/api/v1/users", with(user, "company", "c".repeat(256)), "company"),
                Arguments.of("/api/v1/users", with(user, "phone", "1".repeat(51)), "phone"),
                Arguments.of("/api/v1/users", with(user, "password", "p".repeat(73)), "password"),
                Arguments.of("/api/v1/api-keys", Map.of("name", "k".repeat(256), "scopes", List.of("calls:read")), "name"),
                Arguments.of("/api/v1/api-keys", Map.of("name", "k", "scopes", List.of("s".repeat(5000))), "scopes[0]"));
    }

    @ParameterizedTest
    @MethodSource("overlongAdminBodies")
    void anOverlongFieldOfAnAdminBodyIsA400NamingIt(String path, Map<String, Object> body, String field) {
        Account admin = Accounts.shared();
        given().header("Authorization", admin.bearer()).contentType("application/json").body(body).post(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith(field.replace("[0]", ""))));
    }

    @Test
    void anOverlongSuspensionReasonIsA400() {
        Account root = Accounts.superAdmin();
        given().header("Authorization", root.bearer()).contentType("application/json")
                .body(Map.of("reason", "r".repeat(501)))
                .post("/api/v1/admin/tenants/" + Accounts.signup().tenantId() + "/suspend")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void emailsAreStoredTrimmedAndLowerCaseWhereverAnAccountIsMade() {
        Account admin = Accounts.signup();
        String mixed = "Mixed-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.TEST";
        given().header("Authorization", admin.bearer()).contentType("application/json")
                .body(Map.of("email", mixed, "name", "M", "password", PASSWORD))
                .post("/api/v1/users").then().statusCode(201);
        String stored = mixed.toLowerCase(java.util.Locale.ROOT);
        org.junit.jupiter.api.Assertions.assertEquals(1, Db.count("SELECT count(*) FROM users WHERE email = ?", stored));
        Accounts.login(mixed.toUpperCase(java.util.Locale.ROOT), PASSWORD);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(base);
        out.put(key, value);
        return out;
    }
}
