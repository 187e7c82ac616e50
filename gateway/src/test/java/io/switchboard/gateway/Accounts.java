package io.switchboard.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Real accounts made through the public API, for tests that need tokens and API keys. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    public static final String SUPER_ADMIN_EMAIL = "root@switchboard.test";
    public static final String SUPER_ADMIN_PASSWORD = "test-only-root-password";

    private static Account shared;

    private Accounts() {
    }

    public record Account(UUID tenantId, UUID userId, String email, String password, String accessToken,
            String refreshToken, UUID sessionId) {

        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    /** One organization for tests that only need to get through authentication. */
    public static synchronized Account shared() {
        if (shared == null) {
            shared = signup();
        }
        return shared;
    }

    /** A new organization with its admin, logged in. */
    public static Account signup() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "admin-" + id + "@example.test";
        JsonPath body = given().contentType("application/json")
                .body(Map.of("organization", Map.of("name", "Org " + id, "slug", "org-" + id, "timeZone", "Europe/Berlin"),
                        "admin", Map.of("email", email, "password", PASSWORD, "name", "Admin " + id)))
                .post("/api/v1/auth/signup")
                .then().statusCode(201).extract().jsonPath();
        return account(body, email, PASSWORD);
    }

    public static Account login(String email, String password) {
        return login(email, password, "test-agent");
    }

    public static Account login(String email, String password, String userAgent) {
        JsonPath body = given().contentType("application/json").header("User-Agent", userAgent)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();
        return account(body, email, password);
    }

    public static Account superAdmin() {
        return login(SUPER_ADMIN_EMAIL, SUPER_ADMIN_PASSWORD);
    }

    /** A user (role {@code role}) created by {@code admin} in their organization, logged in. */
    public static Account member(Account admin, String role) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        given().header("Authorization", admin.bearer()).contentType("application/json")
                .body(Map.of("email", email, "name", "Member", "password", PASSWORD, "role", role))
                .post("/api/v1/users")
                .then().statusCode(201);
        return login(email, PASSWORD);
    }

    /** The created key's JSON (id, prefix, key, ...). */
    public static JsonPath apiKey(Account admin, List<String> scopes) {
        return given().header("Authorization", admin.bearer()).contentType("application/json")
                .body(Map.of("name", "key for tests", "scopes", scopes))
                .post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath();
    }

    private static Account account(JsonPath body, String email, String password) {
        return new Account(UUID.fromString(body.getString("tenantId")), UUID.fromString(body.getString("userId")), email,
                password, body.getString("accessToken"), body.getString("refreshToken"),
                UUID.fromString(body.getString("sessionId")));
    }
}
