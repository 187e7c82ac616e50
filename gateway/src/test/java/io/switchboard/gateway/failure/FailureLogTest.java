package io.switchboard.gateway.failure;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.RawHttp;
import io.switchboard.gateway.WireMockUpstreams;
import io.switchboard.gateway.credits.Eventually;
import io.switchboard.testsupport.InfraResource;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(WireMockUpstreams.class)
class FailureLogTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EntityManager em;

    @Inject
    FailureLogRetention retention;

    @Test
    void aNotFoundIsRecordedWithPathMethodStatusAndRequestIdButNoQueryOrSecrets() {
        String requestId = "fl-404-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId)
                .header("X-Api-Key", "sk_live_SECRET404KEY")
                .queryParam("api_key", "sk_live_SECRET404QUERY")
                .get("/api/v1/no-such-thing")
                .then().statusCode(404);

        Object[] row = awaitRow(requestId);
        assertEquals("GET", row[0]);
        assertEquals("/api/v1/no-such-thing", row[1]);
        assertEquals(404, ((Number) row[2]).intValue());
        assertTrue(((Number) row[3]).intValue() >= 0);
        assertFalse(rowText(requestId).contains("SECRET"), "a secret value reached the failure log");
    }

    @Test
    void anUnauthorizedIsRecordedWithoutTheTokenItCarried() {
        String requestId = "fl-401-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId)
                .header("Authorization", "Bearer not.a.SECRETTOKEN")
                .get("/api/v1/credits")
                .then().statusCode(401);

        Object[] row = awaitRow(requestId);
        assertEquals("/api/v1/credits", row[1]);
        assertEquals(401, ((Number) row[2]).intValue());
        assertNull(row[4]);
        assertFalse(rowText(requestId).contains("SECRET"), "a secret value reached the failure log");
    }

    @Test
    void aForbiddenRecordsTheVerifiedUserAndTenant() {
        Accounts.Account admin = Accounts.signup();
        UUID tenant = admin.tenantId();
        UUID user = admin.userId();
        String requestId = "fl-403-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).auth().oauth2(admin.accessToken())
                .get("/api/v1/admin/audit-log")
                .then().statusCode(403);

        Object[] row = awaitRow(requestId);
        assertEquals(403, ((Number) row[2]).intValue());
        assertEquals(user, row[4]);
        assertEquals(tenant, row[5]);
    }

    @Test
    void aProxiedFailureIsRecordedToo() {
        String requestId = "fl-503-" + UUID.randomUUID();
        // campaigns points at a closed port in tests: the proxy answers 503
        given().header("X-Request-Id", requestId).header("Authorization", Accounts.shared().bearer())
                .get("/api/v1/campaigns")
                .then().statusCode(503);

        Object[] row = awaitRow(requestId);
        assertEquals("/api/v1/campaigns", row[1]);
        assertEquals(503, ((Number) row[2]).intValue());
        // the proxy verified the caller: the row names them
        assertEquals(Accounts.shared().tenantId(), row[5]);
        assertEquals(Accounts.shared().userId(), row[4]);
    }

    @Test
    void aFailureWithoutACallerRequestIdGetsOneOnTheResponseAndInTheLog() {
        String requestId = given().get("/no/such/page").then().statusCode(404).extract().header("X-Request-Id");
        assertTrue(requestId != null && !requestId.isBlank());
        awaitRow(requestId);
    }

    @Test
    void successfulResponsesAreNotRecorded() {
        String ok = "fl-200-" + UUID.randomUUID();
        given().header("X-Request-Id", ok).get("/q/health/live").then().statusCode(200);
        String after = "fl-after-" + UUID.randomUUID();
        given().header("X-Request-Id", after).get("/api/v1/nothing").then().statusCode(404);
        awaitRow(after); // written in the same or a later batch than the 200 would have been
        assertTrue(rows(ok).isEmpty());
    }

    @Test
    void anOddMethodAndAnEndlessPathAreRecordedCutToTheirColumnsAndSpoilNoOtherRow() {
        String longPath = "/api/v1/" + "p".repeat(5000);
        String madeUpMethod = "FROBNICATEEVERYTHINGNOW";
        String longId = "fl-long-" + UUID.randomUUID();
        String oddId = "fl-odd-" + UUID.randomUUID();
        String propfindId = "fl-propfind-" + UUID.randomUUID();
        String normalId = "fl-normal-" + UUID.randomUUID();

        assertTrue(RawHttp.send("GET", longPath, "X-Request-Id: " + longId).status() >= 400);
        assertTrue(RawHttp.send(madeUpMethod, "/api/v1/odd", "X-Request-Id: " + oddId).status() >= 400);
        assertTrue(RawHttp.send("PROPFIND", "/api/v1/odd", "X-Request-Id: " + propfindId).status() >= 400);
        given().header("X-Request-Id", normalId).get("/api/v1/nothing-here").then().statusCode(404);

        Object[] longRow = awaitRow(longId);
        assertEquals(512, ((String) longRow[1]).length());
        assertTrue(longPath.startsWith((String) longRow[1]));
        assertEquals(madeUpMethod.substring(0, 16), awaitRow(oddId)[0]);
        assertEquals("PROPFIND", awaitRow(propfindId)[0]);
        awaitRow(normalId);
    }

    @Test
    void retentionDeletesRowsOlderThanTheConfiguredDays() {
        String old = "fl-old-" + UUID.randomUUID();
        String recent = "fl-recent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO failure_log (method, endpoint, status, duration_ms, request_id, created_at)
                    VALUES ('GET', '/old', 500, 1, ?1, now() - interval '31 days'),
                           ('GET', '/recent', 500, 1, ?2, now() - interval '29 days')""")
                    .setParameter(1, old).setParameter(2, recent).executeUpdate();
        });
        assertTrue(retention.purge() >= 1);
        assertTrue(rows(old).isEmpty());
        assertEquals(1, rows(recent).size());
    }

    private Object[] awaitRow(String requestId) {
        Eventually.holds(WAIT, () -> assertEquals(1, rows(requestId).size()));
        return rows(requestId).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT method, endpoint, status, duration_ms, user_id, tenant_id FROM failure_log WHERE request_id = ?1""")
                .setParameter(1, requestId).getResultList());
    }

    private String rowText(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT string_agg(row_to_json(f)::text, ',') FROM failure_log f WHERE request_id = ?1")
                .setParameter(1, requestId).getSingleResult());
    }
}
