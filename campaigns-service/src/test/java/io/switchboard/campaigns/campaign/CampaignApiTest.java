package io.switchboard.campaigns.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.Locks;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "campaigns"))
class CampaignApiTest {

    @Inject
    DataSource dataSource;

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @Test
    void createdCampaignIsADraftVisibleToItsTenantOnly() {
        String agent = UUID.randomUUID().toString();
        String id = asTenant(tenantA).contentType(ContentType.JSON)
                .body("""
                        {"name":"Spring renewals","agentId":"%s","callingWindowStart":"09:00",
                         "callingWindowEnd":"20:30","maxConcurrentCalls":25}""".formatted(agent))
                .when().post("/api/v1/campaigns")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/campaigns/"))
                .body("name", equalTo("Spring renewals"))
                .body("status", equalTo("draft"))
                .body("agentId", equalTo(agent))
                .body("callingWindowStart", equalTo("09:00"))
                .body("callingWindowEnd", equalTo("20:30"))
                .body("maxConcurrentCalls", equalTo(25))
                .body("maxRetries", equalTo(2))
                .body("timeZonePolicy", equalTo("recipient"))
                .body("allowedWeekdays", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("createdAt", notNullValue())
                .extract().path("id");

        asTenant(tenantA).get("/api/v1/campaigns/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("callingWindowEnd", equalTo("20:30"));
        asTenant(tenantA).get("/api/v1/campaigns").then().statusCode(200).body("items.id", hasItem(id));

        asTenant(tenantB).get("/api/v1/campaigns/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        asTenant(tenantB).get("/api/v1/campaigns").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void onlyTheNameIsRequired() {
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"name\":\"Bare\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).body("callingWindowStart", nullValue()).body("maxConcurrentCalls", nullValue());
    }

    @Test
    void listIsNewestFirstAndPagedByCursor() {
        UUID tenant = UUID.randomUUID();
        String first = create(tenant, "first");
        String second = create(tenant, "second");
        String cursor = asTenant(tenant).get("/api/v1/campaigns?limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(second))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        asTenant(tenant).queryParam("cursor", cursor).get("/api/v1/campaigns?limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(first))
                .body("nextCursor", nullValue());
    }

    @Test
    void invalidFieldsAreAllNamedInOneProblem() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"callingWindowStart\":\"9am\",\"maxConcurrentCalls\":0}".formatted("x".repeat(201)))
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/validation"))
                .body("errors.field", hasItems("name", "callingWindowStart", "maxConcurrentCalls"))
                .body("requestId", notNullValue());
    }

    @Test
    void missingNameIsListedInTheProblem() {
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"maxConcurrentCalls\":1001}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("maxConcurrentCalls", "name")));
    }

    @Test
    void callingWindowThatDoesNotStartBeforeItEndsNamesBothEnds() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"name\":\"Night\",\"callingWindowStart\":\"21:00\",\"callingWindowEnd\":\"09:00\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("callingWindowEnd", "callingWindowStart")));
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"name\":\"Empty\",\"callingWindowStart\":\"09:00\",\"callingWindowEnd\":\"09:00\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).body("errors.field", equalTo(List.of("callingWindowEnd", "callingWindowStart")));
    }

    @Test
    void halfACallingWindowNamesTheMissingEnd() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"name\":\"Half\",\"callingWindowStart\":\"09:00\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("callingWindowEnd")));
    }

    @Test
    void wronglyTypedAgentIdIsNamed() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"name\":\"Typed\",\"agentId\":\"not-a-uuid\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("agentId"));
    }

    @Test
    void aNulCharacterInTheNameIsABadRequestNotAServerError() {
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"name\":\"Spring\\u0000sale\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("name")));
    }

    @Test
    void numbersBeyondTheirColumnsAreBadRequests() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"name\":\"huge\",\"maxConcurrentCalls\":99999999999,\"maxAttempts\":-5}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("maxConcurrentCalls"));
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"name\":\"negative\",\"maxRetries\":-5}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("maxRetries")));
    }

    @Test
    void outOfRangePagingIsNamed() {
        asTenant(tenantA).get("/api/v1/campaigns?limit=0&cursor=nonsense")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        asTenant(tenantA).get("/api/v1/campaigns?cursor=nonsense")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void sameNameTwiceInOneTenantIsAConflictButAnotherTenantMayUseIt() {
        String id = create(tenantA, "Renewals");
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"name\":\"  Renewals \"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/conflict"))
                .body("detail", containsString(id));
        create(tenantB, "Renewals");
    }

    @Test
    void aConcurrentInsertOfTheSameNameIsAConflictNotAServerError() throws Exception {
        // another transaction holds an uncommitted campaign with the name: our duplicate check cannot see it,
        // so the API's insert waits on the unique index and fails when that transaction commits
        // the pool stamps the tenant on a connection when it is acquired; row-level security checks it
        try (Connection other = TenantScope.call(tenantA, this::connection)) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO campaign (id, tenant_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)""")) {
                OffsetDateTime now = OffsetDateTime.now();
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, tenantA);
                insert.setString(3, "Raced");
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.executeUpdate();
            }
            CompletableFuture<Integer> racing = CompletableFuture.supplyAsync(() -> asTenant(tenantA)
                    .contentType(ContentType.JSON).body("{\"name\":\"Raced\"}")
                    .when().post("/api/v1/campaigns").then().extract().statusCode());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> racing.isDone() || Locks.someoneWaits(dataSource));
            other.commit();
            assertEquals(409, racing.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void requestWithoutATokenIsUnauthorized() {
        given().get("/api/v1/campaigns").then().statusCode(401).contentType("application/problem+json");
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String create(UUID tenant, String name) {
        return asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
    }

    /** The one place that says how a request proves its tenant: the internal token the gateway mints. */
    private static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
