package io.switchboard.contacts.contact;

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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactApiTest {

    @Inject
    DataSource dataSource;

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @Test
    void createdContactIsNormalizedToE164AndVisibleToItsTenantOnly() {
        String id = asTenant(tenantA).contentType(ContentType.JSON)
                .body("""
                        {"phone":"+1 (415) 555-0123","firstName":"Ada","lastName":"Lovelace",
                         "email":"ada@example.com","timeZone":"America/Los_Angeles"}""")
                .when().post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/contacts/"))
                .body("phone", equalTo("+14155550123"))
                .body("firstName", equalTo("Ada"))
                .body("email", equalTo("ada@example.com"))
                .body("timeZone", equalTo("America/Los_Angeles"))
                .body("createdAt", notNullValue())
                .extract().path("id");

        asTenant(tenantA).get("/api/v1/contacts/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("lastName", equalTo("Lovelace"));
        asTenant(tenantA).get("/api/v1/contacts").then().statusCode(200).body("items.id", hasItem(id));

        asTenant(tenantB).get("/api/v1/contacts/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        asTenant(tenantB).get("/api/v1/contacts").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void onlyThePhoneIsRequired() {
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"phone\":\"+442071838750\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201).body("phone", equalTo("+442071838750")).body("timeZone", nullValue());
    }

    @Test
    void listIsNewestFirstAndPagedByCursor() {
        UUID tenant = UUID.randomUUID();
        String first = create(tenant, "+14155550101");
        String second = create(tenant, "+14155550102");
        String cursor = asTenant(tenant).get("/api/v1/contacts?limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(second))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        asTenant(tenant).queryParam("cursor", cursor).get("/api/v1/contacts?limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].id", equalTo(first))
                .body("nextCursor", nullValue());
    }

    @Test
    void invalidPhoneEmailAndTimeZoneAreAllNamedInOneProblem() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"phone\":\"call me\",\"email\":\"not-an-email\",\"timeZone\":\"Mars/Olympus_Mons\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/validation"))
                .body("errors.field", hasItems("phone", "email", "timeZone"))
                .body("errors.size()", equalTo(3))
                .body("requestId", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "+02:00", "GMT+1", "EST", "Z", "SystemV/EST5", "Etc/GMT-3", "US/Eastern" })
    void onlyAnIanaRegionIsAcceptedAsATimeZone(String zone) {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"phone\":\"+14155550123\",\"timeZone\":\"" + zone + "\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("timeZone")));
    }

    @Test
    void overlongFieldsAreAllNamedInOneProblem() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("""
                        {"phone":"+14155550123","firstName":"%s","lastName":"%s","email":"%s@example.com",
                         "timeZone":"%s"}""".formatted("a".repeat(201), "b".repeat(201), "c".repeat(320), "Z".repeat(65)))
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("firstName", "lastName", "email", "timeZone"));
    }

    @Test
    void aNulCharacterOrHalfASurrogatePairInANameIsABadRequestNotAServerError() {
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"phone\":\"+14155550124\",\"firstName\":\"Ada\\u0000\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("firstName")));
        // half of a surrogate pair is not text either (the driver would store it as '?')
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"phone\":\"+14155550124\",\"lastName\":\"Love\\ud83dlace\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("lastName")));
        // unicode beyond the BMP and combining marks are ordinary text
        asTenant(tenantA).contentType(ContentType.JSON)
                .body("{\"phone\":\"+14155550125\",\"firstName\":\"Zoë 🎧 \\u00e9\u0301\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201).body("firstName", containsString("🎧"));
    }

    @Test
    void missingPhoneIsListedInTheProblem() {
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"firstName\":\"Ada\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("phone")));
    }

    @Test
    void outOfRangePagingIsNamed() {
        asTenant(tenantA).get("/api/v1/contacts?limit=100000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("limit")));
    }

    @Test
    void aMistypedQueryParameterIsABadRequestNamingItNotANotFound() {
        asTenant(tenantA).get("/api/v1/contacts?limit=abc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("limit")));
        asTenant(tenantA).get("/api/v1/contacts/12345")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(java.util.List.of("id")));
    }

    @Test
    void samePhoneTwiceInOneTenantIsAConflictButAnotherTenantMayHaveIt() {
        String id = create(tenantA, "+14155550199");
        // written differently, same E.164 number
        asTenant(tenantA).contentType(ContentType.JSON).body("{\"phone\":\"+1 415-555-0199\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/conflict"))
                .body("detail", containsString(id));
        create(tenantB, "+14155550199");
    }

    @Test
    void aConcurrentInsertOfTheSamePhoneIsAConflictNotAServerError() throws Exception {
        // another transaction holds an uncommitted contact with the number: our duplicate check cannot see it,
        // so the API's insert waits on the unique index and fails when that transaction commits
        // the pool stamps the tenant on a connection when it is acquired; row-level security checks it
        try (Connection other = TenantScope.call(tenantA, this::connection)) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO contact (id, tenant_id, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)""")) {
                OffsetDateTime now = OffsetDateTime.now();
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, tenantA);
                insert.setString(3, "+14155550177");
                insert.setObject(4, now);
                insert.setObject(5, now);
                insert.executeUpdate();
            }
            CompletableFuture<Integer> racing = CompletableFuture.supplyAsync(() -> asTenant(tenantA)
                    .contentType(ContentType.JSON).body("{\"phone\":\"+14155550177\"}")
                    .when().post("/api/v1/contacts").then().extract().statusCode());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> racing.isDone() || Locks.someoneWaits(dataSource));
            other.commit();
            assertEquals(409, racing.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void requestWithoutATokenIsUnauthorized() {
        given().get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json");
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String create(UUID tenant, String phone) {
        return asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    /** The one place that says how a request proves its tenant: the internal token the gateway mints. */
    private static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
