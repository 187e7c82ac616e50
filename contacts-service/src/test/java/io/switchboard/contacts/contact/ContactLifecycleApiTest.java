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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.TestTokens;

/** Create with every field, PATCH, DELETE, merge and search, through the API against real PostgreSQL. */
@QuarkusTest
class ContactLifecycleApiTest {

    /** A table the contacts core does not know: merges must move its rows (found in the catalog) all the same. */
    private static final String PROBE = "merge_probe_reference";

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();

    @BeforeAll
    static void aTableReferencingContactsThatTheServiceDoesNotKnow() throws SQLException {
        try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("contacts"), Infra.DB_OWNER_USER, Infra.DB_OWNER_PASSWORD);
                Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS " + PROBE + " (id UUID PRIMARY KEY, note TEXT,"
                    + " contact_id UUID NOT NULL REFERENCES contact (id) ON DELETE CASCADE, once_per_contact BOOLEAN NOT NULL)");
            sql.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + PROBE + "_once ON " + PROBE + " (contact_id) WHERE once_per_contact");
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + PROBE + " TO " + Infra.DB_USER);
        }
    }

    @Test
    void createAcceptsEveryFieldNormalizesTagsAndReturnsThemAll() {
        asTenant(tenant).contentType(ContentType.JSON).body("""
                {"phone":"+1 415 555 0140","firstName":" Ada ","lastName":"Lovelace","email":"ada@example.com",
                 "alternatePhone":"+44 20 7183 8750","company":"Analytical Engines","address":"12 St James's Square",
                 "city":"London","state":"LDN","postalCode":"SW1Y 4JH","country":"GB","notes":"prefers mornings",
                 "tags":[" VIP ","lead","vip",""],"businessContext":"evaluating","customFields":{"crmId":"A-1","score":7},
                 "timeZone":"Europe/London","source":"manual"}""")
                .when().post("/api/v1/contacts")
                .then().statusCode(201)
                .body("phone", equalTo("+14155550140")).body("firstName", equalTo("Ada"))
                .body("alternatePhone", equalTo("+442071838750")).body("company", equalTo("Analytical Engines"))
                .body("address", equalTo("12 St James's Square")).body("city", equalTo("London")).body("state", equalTo("LDN"))
                .body("postalCode", equalTo("SW1Y 4JH")).body("country", equalTo("GB")).body("notes", equalTo("prefers mornings"))
                .body("tags", equalTo(List.of("vip", "lead"))).body("businessContext", equalTo("evaluating"))
                .body("customFields.crmId", equalTo("A-1")).body("customFields.score", equalTo(7))
                .body("timeZones", equalTo(List.of("Europe/London"))).body("timeZoneSource", equalTo("explicit"))
                .body("source", equalTo("manual")).body("busyCount", equalTo(0)).body("customer", equalTo(false))
                .body("sourceCallId", nullValue());
    }

    @Test
    void theSourceDefaultsToApiAndOnlyManualOrApiMayBeStated() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550141\"}").post("/api/v1/contacts")
                .then().statusCode(201).body("source", equalTo("api")).body("tags", equalTo(List.of()))
                .body("timeZones", equalTo(List.of("America/Los_Angeles"))).body("timeZoneSource", equalTo("number"));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550142\",\"source\":\"import\"}")
                .post("/api/v1/contacts").then().statusCode(400).body("errors.field", equalTo(List.of("source")));
    }

    @Test
    void overlongTagsTooManyCustomFieldsAndABadAlternatePhoneAreNamedInOneProblem() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550143\",\"alternatePhone\":\"12\",\"tags\":[\"ok\",\""
                + "t".repeat(65) + "\"],\"customFields\":{\"big\":\"" + "x".repeat(17000) + "\"}}")
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("alternatePhone", "customFields", "tags[1]")));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550143\",\"customFields\":[1]}")
                .post("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("customFields"));
    }

    @Test
    void aNationalNumberIsAcceptedOnlyOnceTheTenantHasADefaultRegion() {
        UUID t = UUID.randomUUID();
        asTenant(t).contentType(ContentType.JSON).body("{\"phone\":\"(415) 555-0144\"}").post("/api/v1/contacts")
                .then().statusCode(400).body("errors.field", equalTo(List.of("phone")));
        asTenant(t).contentType(ContentType.JSON).body("{\"defaultRegion\":\"us\",\"defaultTimeZone\":\"America/Chicago\"}")
                .put("/api/v1/contact-settings").then().statusCode(200).body("defaultRegion", equalTo("US"));
        asTenant(t).contentType(ContentType.JSON).body("{\"phone\":\"(415) 555-0144\"}").post("/api/v1/contacts")
                .then().statusCode(201).body("phone", equalTo("+14155550144"));
        // a number without a zone of its own (international freephone) gets the tenant's default zone
        asTenant(t).contentType(ContentType.JSON).body("{\"phone\":\"+80012345678\"}").post("/api/v1/contacts")
                .then().statusCode(201).body("timeZones", equalTo(List.of("America/Chicago")))
                .body("timeZoneSource", equalTo("tenant_default"));
        // the phone filter of the search follows the same rule
        asTenant(t).queryParam("phone", "415-555-0144").get("/api/v1/contacts").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void patchLeavesAbsentFieldsClearsNullOnesAndMergesCustomFields() {
        String id = create(tenant, """
                {"phone":"+14155550150","firstName":"Ada","lastName":"Lovelace","notes":"old","company":"AE",
                 "customFields":{"a":1,"b":2},"tags":["x"]}""");
        asTenant(tenant).contentType("application/merge-patch+json")
                .body("{\"notes\":null,\"company\":\"Babbage\",\"customFields\":{\"a\":null,\"c\":3},\"tags\":[\"Y\"]}")
                .patch("/api/v1/contacts/" + id)
                .then().statusCode(200)
                .body("firstName", equalTo("Ada")).body("lastName", equalTo("Lovelace")).body("notes", nullValue())
                .body("company", equalTo("Babbage")).body("customFields", equalTo(Map.of("b", 2, "c", 3)))
                .body("tags", equalTo(List.of("y")));
        asTenant(tenant).get("/api/v1/contacts/" + id).then().body("notes", nullValue()).body("company", equalTo("Babbage"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_key = '" + id
                + "' AND event_type = 'io.switchboard.contact.updated.v1' AND cloud_event LIKE '%\"changedFields\":[\"company\",\"notes\",\"tags\",\"customFields\"]%'"));
    }

    @Test
    void patchReResolvesTheDialingZonesWhenThePhoneOrTimeZoneChanges() {
        String id = create(tenant, "{\"phone\":\"+14155550151\"}");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"timeZone\":\"Europe/Paris\"}").patch("/api/v1/contacts/" + id)
                .then().statusCode(200).body("timeZones", equalTo(List.of("Europe/Paris"))).body("timeZoneSource", equalTo("explicit"));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"timeZone\":null,\"phone\":\"+442071838751\"}")
                .patch("/api/v1/contacts/" + id)
                .then().statusCode(200).body("phone", equalTo("+442071838751")).body("timeZone", nullValue())
                .body("timeZones", equalTo(List.of("Europe/London"))).body("timeZoneSource", equalTo("number"));
    }

    @Test
    void anImportedContactCanBePatchedAndKeepsItsSource() {
        String id = create(tenant, "{\"phone\":\"+14155550155\"}");
        sql("UPDATE contact SET source = 'import' WHERE id = '" + id + "'");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"firstName\":\"Ada\"}").patch("/api/v1/contacts/" + id)
                .then().statusCode(200).body("firstName", equalTo("Ada")).body("source", equalTo("import"));
    }

    @Test
    void patchObeysTheCreateRules() {
        String id = create(tenant, "{\"phone\":\"+14155550152\"}");
        String other = create(tenant, "{\"phone\":\"+14155550153\"}");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+1 415 555 0153\"}").patch("/api/v1/contacts/" + id)
                .then().statusCode(409).body("detail", containsString(other));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":null,\"email\":\"nope\"}").patch("/api/v1/contacts/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("email", "phone")));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"busyCount\":5,\"source\":\"manual\"}").patch("/api/v1/contacts/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("busyCount", "source")));
        asTenant(tenant).contentType(ContentType.JSON).body("[]").patch("/api/v1/contacts/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        asTenant(tenant).get("/api/v1/contacts/" + id).then().body("phone", equalTo("+14155550152"));
        // another tenant's id is unknown whatever the body
        asTenant(UUID.randomUUID()).contentType(ContentType.JSON).body("{}").patch("/api/v1/contacts/" + id).then().statusCode(404);
    }

    @Test
    void deleteRemovesTheContactAndWhatReferencesItAndPublishesIt() {
        String id = create(tenant, "{\"phone\":\"+14155550154\"}");
        probeRow(id, false);
        asTenant(UUID.randomUUID()).delete("/api/v1/contacts/" + id).then().statusCode(404);
        asTenant(tenant).delete("/api/v1/contacts/" + id).then().statusCode(204);
        asTenant(tenant).get("/api/v1/contacts/" + id).then().statusCode(404);
        asTenant(tenant).delete("/api/v1/contacts/" + id).then().statusCode(404);
        assertEquals(0, count("SELECT count(*) FROM " + PROBE + " WHERE contact_id = '" + id + "'"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_key = '" + id
                + "' AND event_type = 'io.switchboard.contact.deleted.v1'"));
    }

    @Test
    void mergeFillsTheSurvivorsGapsUnitesSumsAndMovesEveryReferencingRow() {
        String survivor = create(tenant, """
                {"phone":"+14155550160","firstName":"Ada","tags":["vip"],"customFields":{"a":1,"shared":"survivor"}}""");
        String merged = create(tenant, """
                {"phone":"+14155550161","firstName":"Augusta","lastName":"King","company":"AE","tags":["lead","VIP"],
                 "customFields":{"b":2,"shared":"merged"}}""");
        sql("UPDATE contact SET busy_count = 1, no_answer_count = 2, last_contact_at = '2026-01-01T00:00:00Z' WHERE id = '" + survivor + "'");
        sql("UPDATE contact SET busy_count = 3, not_connected_count = 4, last_contact_at = '2026-02-01T00:00:00Z' WHERE id = '" + merged + "'");
        UUID row = probeRow(merged, false);

        asTenant(tenant).contentType(ContentType.JSON).body("{\"mergeContactId\":\"" + merged + "\"}")
                .post("/api/v1/contacts/" + survivor + "/merge")
                .then().statusCode(200).body("id", equalTo(survivor))
                .body("firstName", equalTo("Ada")).body("lastName", equalTo("King")).body("company", equalTo("AE"))
                .body("alternatePhone", equalTo("+14155550161"))
                .body("tags", equalTo(List.of("vip", "lead")))
                .body("customFields", equalTo(Map.of("a", 1, "b", 2, "shared", "survivor")))
                .body("busyCount", equalTo(4)).body("noAnswerCount", equalTo(2)).body("notConnectedCount", equalTo(4))
                .body("lastContactAt", containsString("2026-02-01"));
        asTenant(tenant).get("/api/v1/contacts/" + merged).then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM " + PROBE + " WHERE id = '" + row + "' AND contact_id = '" + survivor + "'"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_key = '" + survivor
                + "' AND event_type = 'io.switchboard.contact.merged.v1' AND cloud_event LIKE '%" + merged + "%'"));
    }

    @Test
    void aMergeThatWouldBreakAOncePerContactRuleIsAConflictAndChangesNothing() {
        String survivor = create(tenant, "{\"phone\":\"+14155550162\"}");
        String merged = create(tenant, "{\"phone\":\"+14155550163\",\"firstName\":\"Kept\"}");
        probeRow(survivor, true);
        UUID other = probeRow(merged, true);
        UUID movable = probeRow(merged, false);

        asTenant(tenant).contentType(ContentType.JSON).body("{\"mergeContactId\":\"" + merged + "\"}")
                .post("/api/v1/contacts/" + survivor + "/merge")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(PROBE));
        asTenant(tenant).get("/api/v1/contacts/" + merged).then().statusCode(200).body("firstName", equalTo("Kept"));
        asTenant(tenant).get("/api/v1/contacts/" + survivor).then().statusCode(200).body("firstName", nullValue());
        assertEquals(2, count("SELECT count(*) FROM " + PROBE + " WHERE contact_id = '" + merged + "' AND id IN ('"
                + other + "', '" + movable + "')"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE event_type = 'io.switchboard.contact.merged.v1'"
                + " AND event_key = '" + survivor + "'"));
    }

    @Test
    void aMergeNeedsAnotherContactOfTheSameTenant() {
        String survivor = create(tenant, "{\"phone\":\"+14155550164\"}");
        String foreign = create(UUID.randomUUID(), "{\"phone\":\"+14155550165\"}");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"mergeContactId\":\"" + survivor + "\"}")
                .post("/api/v1/contacts/" + survivor + "/merge").then().statusCode(400).body("errors.field", equalTo(List.of("mergeContactId")));
        asTenant(tenant).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/contacts/" + survivor + "/merge").then().statusCode(400).body("errors.field", equalTo(List.of("mergeContactId")));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"mergeContactId\":\"nope\"}")
                .post("/api/v1/contacts/" + survivor + "/merge").then().statusCode(400).body("errors.field", equalTo(List.of("mergeContactId")));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"mergeContactId\":\"" + foreign + "\"}")
                .post("/api/v1/contacts/" + survivor + "/merge").then().statusCode(404);
        // the path's contact is checked first: another tenant learns nothing from the body's errors
        asTenant(UUID.randomUUID()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/contacts/" + survivor + "/merge").then().statusCode(404);
    }

    @Test
    void searchFiltersByTextTagsCompanyEmailAndPhone() {
        UUID t = UUID.randomUUID();
        String ada = create(t, """
                {"phone":"+14155550170","firstName":"Ada","lastName":"Lovelace","email":"Ada@Example.com","company":"Analytical Engines","tags":["vip","lead"]}""");
        String charles = create(t, """
                {"phone":"+14155550171","firstName":"Charles","lastName":"Babbage","company":"Difference 100%","tags":["vip"]}""");
        asTenant(t).get("/api/v1/contacts?q=LOVE").then().statusCode(200).body("items.id", equalTo(List.of(ada)));
        asTenant(t).get("/api/v1/contacts?q=5550171").then().body("items.id", equalTo(List.of(charles)));
        asTenant(t).queryParam("q", "ada lovelace").get("/api/v1/contacts").then().body("items.id", equalTo(List.of(ada)));
        asTenant(t).get("/api/v1/contacts?tag=VIP").then().body("items.id", hasItems(ada, charles));
        asTenant(t).get("/api/v1/contacts?tag=vip&tag=lead").then().body("items.id", equalTo(List.of(ada)));
        asTenant(t).queryParam("company", "100%").get("/api/v1/contacts").then().body("items.id", equalTo(List.of(charles)));
        asTenant(t).queryParam("company", "1%").get("/api/v1/contacts").then().body("items.size()", equalTo(0));
        asTenant(t).get("/api/v1/contacts?email=ada@example.COM").then().body("items.id", equalTo(List.of(ada)));
        asTenant(t).queryParam("phone", "+1 415 555 0171").get("/api/v1/contacts").then().body("items.id", equalTo(List.of(charles)));
        asTenant(t).get("/api/v1/contacts?phone=nope").then().statusCode(400).body("errors.field", equalTo(List.of("phone")));
        asTenant(UUID.randomUUID()).get("/api/v1/contacts?q=lovelace").then().body("items.size()", equalTo(0));
    }

    @Test
    void searchSortsByLastNameInBothDirectionsAcrossPages() {
        UUID t = UUID.randomUUID();
        String c = create(t, "{\"phone\":\"+14155550180\",\"lastName\":\"curie\"}");
        String a = create(t, "{\"phone\":\"+14155550181\",\"lastName\":\"Ampère\"}");
        String none = create(t, "{\"phone\":\"+14155550182\"}");
        String b = create(t, "{\"phone\":\"+14155550183\",\"lastName\":\"Bohr\"}");
        assertEquals(List.of(none, a, b, c), allPages(t, "sort=lastName&order=asc"));
        assertEquals(List.of(c, b, a, none), allPages(t, "sort=lastName&order=desc"));
        assertEquals(List.of(b, none, a, c), allPages(t, "sort=createdAt"));
        assertEquals(List.of(c, a, none, b), allPages(t, "sort=updatedAt&order=asc"));
    }

    @Test
    void searchSortsByLastContactWithNeverContactedFirstAscending() {
        UUID t = UUID.randomUUID();
        String never = create(t, "{\"phone\":\"+14155550184\"}");
        String early = create(t, "{\"phone\":\"+14155550185\"}");
        String late = create(t, "{\"phone\":\"+14155550186\"}");
        sql(t, "UPDATE contact SET last_contact_at = '2026-01-01T00:00:00Z' WHERE id = '" + early + "'");
        sql(t, "UPDATE contact SET last_contact_at = '2026-03-01T00:00:00Z' WHERE id = '" + late + "'");
        assertEquals(List.of(never, early, late), allPages(t, "sort=lastContactAt&order=asc"));
        assertEquals(List.of(late, early, never), allPages(t, "sort=lastContactAt"));
    }

    @Test
    void anUnknownSortOrACursorOfAnotherOrderIsABadRequestNamingIt() {
        UUID t = UUID.randomUUID();
        create(t, "{\"phone\":\"+14155550187\"}");
        create(t, "{\"phone\":\"+14155550188\"}");
        asTenant(t).get("/api/v1/contacts?sort=phone").then().statusCode(400).body("errors.field", equalTo(List.of("sort")));
        asTenant(t).get("/api/v1/contacts?order=up").then().statusCode(400).body("errors.field", equalTo(List.of("order")));
        String cursor = asTenant(t).get("/api/v1/contacts?limit=1&sort=lastName").then().statusCode(200)
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        asTenant(t).queryParam("cursor", cursor).get("/api/v1/contacts?limit=1&sort=updatedAt")
                .then().statusCode(400).body("errors.field", equalTo(List.of("cursor")));
    }

    private List<String> allPages(UUID t, String query) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = asTenant(t);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            io.restassured.response.Response page = request.get("/api/v1/contacts?limit=2&" + query);
            page.then().statusCode(200);
            ids.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private UUID probeRow(String contactId, boolean oncePerContact) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO " + PROBE + " (id, contact_id, once_per_contact) VALUES ('" + id + "', '" + contactId + "', " + oncePerContact + ")");
        return id;
    }

    private void sql(String statement) {
        sql(tenant, statement);
    }

    private void sql(UUID t, String statement) {
        TenantScope.call(t, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(statement).executeUpdate()));
    }

    private long count(String query) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue()));
    }

    private static String create(UUID tenant, String body) {
        return asTenant(tenant).contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
