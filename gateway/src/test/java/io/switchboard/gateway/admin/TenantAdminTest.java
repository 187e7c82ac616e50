package io.switchboard.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.events.tenant.TenantStatusChangedV1;
import io.switchboard.testsupport.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;
import io.switchboard.gateway.Db;

@QuarkusTest
class TenantAdminTest {

    @Test
    void superAdminListsTenantsAndTheListingIsAudited() {
        Account tenant = Accounts.signup();
        Account root = Accounts.superAdmin();
        long before = audits(root, "tenant.list", null);

        given().header("Authorization", root.bearer()).header("User-Agent", "admin-console")
                .get("/api/v1/admin/tenants")
                .then().statusCode(200)
                .body("items.id", hasItem(tenant.tenantId().toString()));

        assertEquals(before + 1, audits(root, "tenant.list", null));
        assertEquals("admin-console", Db.value("SELECT user_agent FROM admin_audit_log WHERE actor_user_id = ? "
                + "AND action = 'tenant.list' ORDER BY created_at DESC LIMIT 1", root.userId()));
    }

    @Test
    void suspendingATenantLocksOutItsUsersTokensAndKeysAndIsAudited() {
        Account tenant = Accounts.signup();
        String key = Accounts.apiKey(tenant, List.of("calls:read")).getString("key");
        Account root = Accounts.superAdmin();

        given().header("Authorization", root.bearer()).contentType("application/json")
                .body(Map.of("reason", "unpaid invoices"))
                .post("/api/v1/admin/tenants/" + tenant.tenantId() + "/suspend")
                .then().statusCode(200).body("status", equalTo("suspended"));

        assertEquals(1, audits(root, "tenant.suspend", tenant.tenantId()));
        assertEquals("unpaid invoices", Db.value("SELECT details->>'reason' FROM admin_audit_log "
                + "WHERE target_tenant_id = ? AND action = 'tenant.suspend'", tenant.tenantId()));
        given().contentType("application/json").body(Map.of("email", tenant.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(403);
        given().header("Authorization", tenant.bearer()).get("/api/v1/calls/suspended").then().statusCode(403)
                .body("type", equalTo("https://switchboard.io/problems/tenant-suspended"));
        given().header("X-Api-Key", key).get("/api/v1/calls/suspended").then().statusCode(403);

        given().header("Authorization", root.bearer()).contentType("application/json").body("{}")
                .post("/api/v1/admin/tenants/" + tenant.tenantId() + "/activate")
                .then().statusCode(200).body("status", equalTo("active"));
        assertEquals(1, audits(root, "tenant.activate", tenant.tenantId()));
        Accounts.login(tenant.email(), Accounts.PASSWORD);
    }

    @Test
    void signUpAndSuspensionArePublishedOnTheIdentityTopicKeyedByTenant() {
        Account root = Accounts.superAdmin();
        try (TopicReader identity = TopicReader.fromNow(Topics.IDENTITY)) {
            Account tenant = Accounts.signup();
            EventEnvelope<?> created = EventCodec.deserialize(
                    identity.awaitKey(tenant.tenantId().toString(), Duration.ofSeconds(30)).value());
            assertEquals(EventCatalog.TENANT_CREATED, created.type());
            assertEquals(tenant.tenantId(), created.tenantId());

            given().header("Authorization", root.bearer()).contentType("application/json").body(Map.of("reason", "test"))
                    .post("/api/v1/admin/tenants/" + tenant.tenantId() + "/suspend").then().statusCode(200);
            EventEnvelope<?> suspended = EventCodec.deserialize(identity.await(r -> tenant.tenantId().toString().equals(r.key())
                    && TopicReader.text(r).contains("status_changed"), Duration.ofSeconds(30)).value());
            assertEquals("suspended", ((TenantStatusChangedV1) suspended.data()).status());
        }
    }

    @Test
    void adminsAndUsersOfATenantCannotUseAdminEndpoints() {
        Account admin = Accounts.signup();
        Account member = Accounts.member(admin, "user");

        for (Account caller : List.of(admin, member)) {
            given().header("Authorization", caller.bearer()).get("/api/v1/admin/tenants")
                    .then().statusCode(403).contentType("application/problem+json");
            given().header("Authorization", caller.bearer()).contentType("application/json").body("{}")
                    .post("/api/v1/admin/tenants/" + admin.tenantId() + "/suspend")
                    .then().statusCode(403);
        }
        given().get("/api/v1/admin/tenants").then().statusCode(401);
    }

    @Test
    void unknownTenantAnswers404() {
        given().header("Authorization", Accounts.superAdmin().bearer()).contentType("application/json").body("{}")
                .post("/api/v1/admin/tenants/" + UUID.randomUUID() + "/suspend")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static long audits(Account actor, String action, UUID target) {
        return target == null
                ? Db.count("SELECT count(*) FROM admin_audit_log WHERE actor_user_id = ? AND action = ?", actor.userId(), action)
                : Db.count("SELECT count(*) FROM admin_audit_log WHERE actor_user_id = ? AND action = ? "
                        + "AND target_tenant_id = ?", actor.userId(), action, target);
    }
}
