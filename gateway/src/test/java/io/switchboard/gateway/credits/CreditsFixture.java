package io.switchboard.gateway.credits;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.gateway.Db;
import io.switchboard.testsupport.TestTokens;

/**
 * A tenant with a user token, plus a super_admin of another tenant to grant it credits. The organizations and
 * users exist (inserted directly, so the tenant starts without a credit account): gateway endpoints re-check
 * that a token's user is active.
 */
final class CreditsFixture {

    final UUID tenant = UUID.randomUUID();
    final UUID user = UUID.randomUUID();
    final String userToken;
    static final UUID ADMIN_TENANT = UUID.randomUUID();
    static final UUID SUPER_ADMIN = UUID.randomUUID();
    private static boolean superAdminInserted;

    CreditsFixture() {
        organization(tenant);
        userToken = token(tenant, user, "user");
    }

    static synchronized String superAdminToken() {
        if (!superAdminInserted) {
            organization(ADMIN_TENANT);
            user(ADMIN_TENANT, SUPER_ADMIN, "super_admin");
            superAdminInserted = true;
        }
        return TestTokens.access(ADMIN_TENANT, SUPER_ADMIN, "super_admin");
    }

    /** A token of a new active user of {@code tenant} with {@code role}. */
    static String token(UUID tenant, UUID userId, String role) {
        user(tenant, userId, role);
        return TestTokens.access(tenant, userId, role);
    }

    static void organization(UUID id) {
        Db.update("INSERT INTO organizations (id, slug, name, time_zone) VALUES (?, ?, 'Credits fixture', 'UTC')", id,
                "fx-" + id);
    }

    static void user(UUID tenant, UUID id, String role) {
        Db.update("INSERT INTO users (id, tenant_id, email, name, role) VALUES (?, ?, ?, 'Fixture', ?)", id, tenant,
                "fx-" + id + "@example.test", role);
    }

    void grant(int amount) {
        given().auth().oauth2(superAdminToken()).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "type", "purchase", "description", "test credits"))
                .post("/api/v1/admin/tenants/{id}/credits", tenant)
                .then().statusCode(201);
    }

    int balance() {
        return given().auth().oauth2(userToken).get("/api/v1/credits").then().statusCode(200)
                .extract().path("balance");
    }

    List<Map<String, Object>> ledger() {
        return given().auth().oauth2(userToken).queryParam("limit", 200).get("/api/v1/credits/transactions")
                .then().statusCode(200).extract().path("items");
    }

    List<Map<String, Object>> usageFor(String callId) {
        return ledger().stream().filter(t -> "usage".equals(t.get("type")) && callId.equals(t.get("callId"))).toList();
    }

    /** call.usage_changed (issue 12): the call's duration is now {@code seconds}, consumers were told {@code previous}. */
    byte[] usageChanged(String callId, long seconds, long previous) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_USAGE_CHANGED, "/switchboard/calls-service", tenant,
                new CallUsageChangedV1(callId, "completed", seconds, null, previous, null, null, null, null, "vapi", null,
                        Instant.now(), null, Instant.now())));
    }

    List<Map<String, Object>> entriesFor(String callId) {
        return ledger().stream().filter(t -> callId.equals(t.get("callId"))).toList();
    }

    byte[] completed(String callId, long seconds) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "/switchboard/calls-service", tenant,
                new CallCompletedV1(callId, "completed", "human_answered", seconds, null, null, null, Instant.now())));
    }
}
