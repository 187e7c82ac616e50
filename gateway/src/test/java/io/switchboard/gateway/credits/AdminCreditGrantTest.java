package io.switchboard.gateway.credits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.events.credits.CreditBalanceChangedV1;
import io.switchboard.gateway.WireMockUpstreams;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(WireMockUpstreams.class)
class AdminCreditGrantTest {

    private final CreditsFixture t = new CreditsFixture();

    @Test
    @SuppressWarnings("unchecked")
    void grantWritesLedgerAuditEntryAndABalanceEventOnKafka() {
        try (TopicReader credits = TopicReader.fromNow(Topics.CREDITS)) {
            given().auth().oauth2(CreditsFixture.superAdminToken()).contentType(ContentType.JSON)
                    .header("User-Agent", "grant-test/1.0")
                    .body(Map.of("amount", 250, "type", "purchase", "description", "invoice 42"))
                    .post("/api/v1/admin/tenants/{id}/credits", t.tenant)
                    .then().statusCode(201)
                    .body("balance", equalTo(250))
                    .body("transaction.type", equalTo("purchase"))
                    .body("transaction.amount", equalTo(250))
                    .body("auditId", notNullValue());

            ConsumerRecord<String, byte[]> record = credits.awaitKey(t.tenant.toString(), Duration.ofSeconds(30));
            EventEnvelope<?> event = EventCodec.deserialize(record.value());
            assertEquals(EventCatalog.CREDITS_BALANCE_CHANGED.type(), event.type().type());
            CreditBalanceChangedV1 data = ((EventEnvelope<CreditBalanceChangedV1>) event).data();
            assertEquals(250, data.balance());
            assertEquals(250, data.change());
            assertEquals("purchase", data.reason());
        }

        assertEquals(250, t.balance());
        Map<String, Object> entry = t.ledger().get(0);
        assertEquals("purchase", entry.get("type"));
        assertEquals("invoice 42", entry.get("description"));
        assertEquals(250, entry.get("balanceAfter"));

        given().auth().oauth2(CreditsFixture.superAdminToken())
                .queryParam("targetTenantId", t.tenant).queryParam("action", "credits.grant")
                .get("/api/v1/admin/audit-log")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue())
                .body("items[0].actorUserId", equalTo(CreditsFixture.SUPER_ADMIN.toString()))
                .body("items[0].actorTenantId", equalTo(CreditsFixture.ADMIN_TENANT.toString()))
                .body("items[0].resource", equalTo("tenants/" + t.tenant + "/credits"))
                .body("items[0].details.amount", equalTo(250))
                .body("items[0].userAgent", equalTo("grant-test/1.0"))
                .body("items[0].ip", notNullValue());
    }

    @Test
    void aNewOrganizationStartsWithItsSignUpCreditsInTheSameTransactionAsTheSignUp() {
        io.switchboard.gateway.Accounts.Account account = io.switchboard.gateway.Accounts.signup();
        given().header("Authorization", account.bearer()).get("/api/v1/credits")
                .then().statusCode(200).body("balance", equalTo(15));
        given().header("Authorization", account.bearer()).get("/api/v1/credits/transactions")
                .then().statusCode(200).body("items[0].type", equalTo("adjustment")).body("items[0].amount", equalTo(15));
    }

    @Test
    void onlySuperAdminsMayGrantCredits() {
        for (String role : new String[] { "user", "admin" }) {
            given().auth().oauth2(CreditsFixture.token(t.tenant, UUID.randomUUID(), role)).contentType(ContentType.JSON)
                    .body(Map.of("amount", 1000, "type", "purchase"))
                    .post("/api/v1/admin/tenants/{id}/credits", t.tenant)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("amount", 1000, "type", "purchase"))
                .post("/api/v1/admin/tenants/{id}/credits", t.tenant)
                .then().statusCode(401);
        assertEquals(0, t.balance());
    }

    @Test
    void onlySuperAdminsReadTheAuditLog() {
        given().auth().oauth2(CreditsFixture.token(t.tenant, UUID.randomUUID(), "admin")).get("/api/v1/admin/audit-log")
                .then().statusCode(403);
    }

    @Test
    void anotherTenantSeesNoneOfYourTransactionsOrBalance() {
        t.grant(40);
        CreditsFixture other = new CreditsFixture();
        given().auth().oauth2(other.userToken).get("/api/v1/credits/transactions")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue());
        assertEquals(0, other.balance());
        assertEquals(40, t.balance());
    }

    @Test
    void invalidGrantIsAProblemNamingTheFields() {
        given().auth().oauth2(CreditsFixture.superAdminToken()).contentType(ContentType.JSON)
                .body(Map.of("amount", 0, "type", "gift"))
                .post("/api/v1/admin/tenants/{id}/credits", t.tenant)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("amount", "type"));
        given().auth().oauth2(CreditsFixture.superAdminToken()).contentType(ContentType.JSON)
                .body(Map.of("amount", 5, "type", "purchase"))
                .post("/api/v1/admin/tenants/{id}/credits", "not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        assertEquals(0, t.balance());
    }

    @Test
    void creditsNeedAToken() {
        given().get("/api/v1/credits").then().statusCode(401);
    }
}
