package io.switchboard.calls.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
class DeliveryLogApiTest {

    private static final String AUTH = "Authorization";
    private static final String BASE = "/api/v1/webhook-deliveries";

    @Inject
    DeliveryLog log;

    @Inject
    DeliveryRetention retention;

    private final UUID tenant = UUID.randomUUID();
    private final Instant now = Instant.now();

    private UUID entry(UUID owner, UUID connection, DeliveryResult result, Instant at) {
        return TenantScope.call(owner, () -> log.record(new DeliveryLog.Entry(owner, connection, "vapi", "status-update", result,
                null, null, 3, 200, at)));
    }

    private List<String> ids(String query) {
        return given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + query).then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }

    @Test
    void theLogFiltersByConnectionResultAndTimeNewestFirst() {
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID old = entry(tenant, c1, DeliveryResult.ACCEPTED, now.minus(Duration.ofHours(3)));
        UUID rejected = entry(tenant, c1, DeliveryResult.REJECTED_SIGNATURE, now.minus(Duration.ofHours(2)));
        UUID other = entry(tenant, c2, DeliveryResult.ACCEPTED, now.minus(Duration.ofHours(1)));

        assertEquals(List.of(other.toString(), rejected.toString(), old.toString()), ids(""));
        assertEquals(List.of(rejected.toString(), old.toString()), ids("?connectionId=" + c1));
        assertEquals(List.of(rejected.toString()), ids("?result=rejected_signature"));
        assertEquals(List.of(rejected.toString()), ids("?from=" + now.minus(Duration.ofMinutes(150)) + "&to=" + now.minus(Duration.ofMinutes(90))));
        assertEquals(List.of(old.toString()), ids("?connectionId=" + c1 + "&result=accepted"));

        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + "/" + rejected).then().statusCode(200)
                .body("result", equalTo("rejected_signature")).body("connectionId", equalTo(c1.toString()))
                .body("eventType", equalTo("status-update")).body("processingMs", equalTo(3));
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        for (String query : List.of("?result=great", "?connectionId=nope", "?from=yesterday", "?limit=0",
                "?from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z")) {
            String field = query.substring(1, query.indexOf('='));
            given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + query).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(field));
        }
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        UUID id = entry(tenant, UUID.randomUUID(), DeliveryResult.ACCEPTED, now);
        UUID other = UUID.randomUUID();
        given().header(AUTH, TestTokens.bearer(other)).get(BASE + "/" + id).then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(other)).get(BASE).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void pagesWalkEveryEntryOnce() {
        UUID owner = UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, entry(owner, UUID.randomUUID(), DeliveryResult.ACCEPTED, now.plusMillis(i)).toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header(AUTH, TestTokens.bearer(owner)).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(BASE).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(created, seen);
    }

    @Test
    void retentionPurgesOldEntriesOfEveryTenantAndKeepsRecentOnes() {
        UUID other = UUID.randomUUID();
        UUID expired = entry(tenant, UUID.randomUUID(), DeliveryResult.ACCEPTED, now.minus(Duration.ofDays(31)));
        UUID expiredOfOther = entry(other, UUID.randomUUID(), DeliveryResult.ACCEPTED, now.minus(Duration.ofDays(40)));
        UUID recent = entry(tenant, UUID.randomUUID(), DeliveryResult.ACCEPTED, now.minus(Duration.ofDays(29)));

        assertTrue(retention.purge() >= 2);

        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + "/" + expired).then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(other)).get(BASE + "/" + expiredOfOther).then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + "/" + recent).then().statusCode(200);
    }
}
