package io.switchboard.contacts.dnc;

import static io.switchboard.contacts.dnc.DncTestData.asTenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.dnc.DncNumberAddedV1;
import io.switchboard.events.dnc.DncNumberRemovedV1;

@QuarkusTest
class DncListApiTest {

    private static final String ADDED = "io.switchboard.dnc.number_added.v1";
    private static final String REMOVED = "io.switchboard.dnc.number_removed.v1";

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void everyTenantHasOneInternalListThatCannotBeDeletedOrRenamed() {
        String internalId = asTenant(tenant).get("/api/v1/dnc/lists")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].internal", equalTo(true))
                .extract().path("items[0].id");
        asTenant(tenant).get("/api/v1/dnc/lists/internal").then().statusCode(200).body("id", equalTo(internalId));
        asTenant(tenant).get("/api/v1/dnc/lists").then().body("items.size()", equalTo(1));

        asTenant(tenant).delete("/api/v1/dnc/lists/" + internalId).then().statusCode(409).contentType("application/problem+json");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"mine\"}").patch("/api/v1/dnc/lists/internal")
                .then().statusCode(409);
        asTenant(tenant).contentType(ContentType.JSON).body("{\"description\":\"ours\"}").patch("/api/v1/dnc/lists/internal")
                .then().statusCode(200).body("description", equalTo("ours")).body("internal", equalTo(true));
        assertEquals(1, DncTestData.count(em, tenant, "SELECT count(*) FROM dnc_list WHERE tenant_id = ?1 AND internal"));
    }

    @Test
    void namedListsAreCreatedRenamedAndUniquePerTenant() {
        String id = createList(tenant, "Spring suppressions");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"Spring suppressions\"}").post("/api/v1/dnc/lists")
                .then().statusCode(409).contentType("application/problem+json");
        createList(UUID.randomUUID(), "Spring suppressions");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"Autumn\",\"description\":\"d\"}")
                .patch("/api/v1/dnc/lists/" + id)
                .then().statusCode(200).body("name", equalTo("Autumn")).body("description", equalTo("d"))
                .body("internal", equalTo(false));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\" \"}").patch("/api/v1/dnc/lists/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("name")));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"description\":\"" + "d".repeat(1001) + "\"}")
                .patch("/api/v1/dnc/lists/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("description")));
        asTenant(tenant).contentType(ContentType.JSON).body("{}").post("/api/v1/dnc/lists")
                .then().statusCode(400).body("errors.field", equalTo(List.of("name")));
        asTenant(tenant).get("/api/v1/dnc/lists").then().body("items[0].id", equalTo(id)).body("items.size()", equalTo(2));
    }

    @Test
    void aNumberIsAddedOnceListedPagedAndRemovedWithOneEventEach() {
        String list = createList(tenant, "named");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+1 415 555 0131\",\"reason\":\"litigator\"}")
                .post("/api/v1/dnc/lists/" + list + "/numbers")
                .then().statusCode(201).body("phone", equalTo("+14155550131")).body("source", equalTo("api"))
                .body("listId", equalTo(list)).header("Location", containsString("/numbers/"));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550131\"}")
                .post("/api/v1/dnc/lists/" + list + "/numbers")
                .then().statusCode(200).body("reason", equalTo("litigator"));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550132\"}")
                .post("/api/v1/dnc/lists/" + list + "/numbers").then().statusCode(201);

        String cursor = asTenant(tenant).get("/api/v1/dnc/lists/" + list + "/numbers?limit=1")
                .then().statusCode(200).body("items[0].phone", equalTo("+14155550132")).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        asTenant(tenant).queryParam("cursor", cursor).get("/api/v1/dnc/lists/" + list + "/numbers?limit=1")
                .then().statusCode(200).body("items[0].phone", equalTo("+14155550131")).body("nextCursor", nullValue());

        asTenant(tenant).delete("/api/v1/dnc/lists/{list}/numbers/{phone}", list, "+14155550131").then().statusCode(204);
        asTenant(tenant).delete("/api/v1/dnc/lists/{list}/numbers/{phone}", list, "+14155550131").then().statusCode(404)
                .contentType("application/problem+json");
        asTenant(tenant).delete("/api/v1/dnc/lists/" + list + "/numbers/not-a-number").then().statusCode(400)
                .body("errors.field", equalTo(List.of("phone")));

        List<EventEnvelope<?>> added = DncTestData.decodedEvents(em, tenant, ADDED);
        assertEquals(2, added.size());
        DncNumberAddedV1 first = (DncNumberAddedV1) added.get(0).data();
        assertEquals(list, first.listId());
        assertEquals(false, first.internal());
        assertEquals("+14155550131", first.phone());
        assertEquals("litigator", first.reason());
        assertEquals("api", first.source());
        assertEquals("+14155550131", added.get(0).subject());
        List<EventEnvelope<?>> removed = DncTestData.decodedEvents(em, tenant, REMOVED);
        assertEquals(1, removed.size());
        assertEquals("+14155550131", ((DncNumberRemovedV1) removed.get(0).data()).phone());
    }

    @Test
    void theInternalListTakesNumbersByItsAlias() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550133\"}")
                .post("/api/v1/dnc/lists/internal/numbers").then().statusCode(201);
        DncNumberAddedV1 event = (DncNumberAddedV1) DncTestData.decodedEvents(em, tenant, ADDED).get(0).data();
        assertTrue(event.internal());
        String internalId = asTenant(tenant).get("/api/v1/dnc/lists/internal").then().extract().path("id");
        assertEquals(internalId, event.listId());
    }

    @Test
    void deletingANamedListRemovesItsNumbersWithOneEventEach() {
        String list = createList(tenant, "to delete");
        for (String phone : List.of("+14155550141", "+14155550142", "+14155550143")) {
            asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\"}")
                    .post("/api/v1/dnc/lists/" + list + "/numbers").then().statusCode(201);
        }
        asTenant(tenant).delete("/api/v1/dnc/lists/" + list).then().statusCode(204);
        asTenant(tenant).get("/api/v1/dnc/lists/" + list).then().statusCode(404);
        assertEquals(0, DncTestData.count(em, tenant, "SELECT count(*) FROM dnc_number WHERE tenant_id = ?1"));
        List<String> removed = DncTestData.decodedEvents(em, tenant, REMOVED).stream()
                .map(e -> ((DncNumberRemovedV1) e.data()).phone()).toList();
        assertEquals(List.of("+14155550141", "+14155550142", "+14155550143"), removed);
    }

    @Test
    void theExportIsStreamedCsvOfEveryNumber() {
        String list = createList(tenant, "export");
        for (String phone : List.of("+14155550152", "+14155550151")) {
            asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + phone + "\",\"reason\":\"a, \\\"quoted\\\" reason\"}")
                    .post("/api/v1/dnc/lists/" + list + "/numbers").then().statusCode(201);
        }
        String csv = asTenant(tenant).get("/api/v1/dnc/lists/" + list + "/export")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("phone,reason,source,added_at", lines[0]);
        assertTrue(lines[1].startsWith("+14155550151,\"a, \"\"quoted\"\" reason\",api,"), lines[1]);
        assertTrue(lines[2].startsWith("+14155550152,"), lines[2]);
        assertEquals(3, lines.length);
    }

    @Test
    void anotherTenantsListIsNotFoundEverywhereEvenWithAnInvalidBody() {
        String list = createList(tenant, "private");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550161\"}")
                .post("/api/v1/dnc/lists/" + list + "/numbers").then().statusCode(201);
        UUID other = UUID.randomUUID();
        asTenant(other).get("/api/v1/dnc/lists/" + list).then().statusCode(404).contentType("application/problem+json");
        asTenant(other).contentType(ContentType.JSON).body("{}").patch("/api/v1/dnc/lists/" + list).then().statusCode(404);
        asTenant(other).delete("/api/v1/dnc/lists/" + list).then().statusCode(404);
        asTenant(other).get("/api/v1/dnc/lists/" + list + "/numbers").then().statusCode(404);
        asTenant(other).contentType(ContentType.JSON).body("{}").post("/api/v1/dnc/lists/" + list + "/numbers").then().statusCode(404);
        asTenant(other).delete("/api/v1/dnc/lists/{list}/numbers/{phone}", list, "+14155550161").then().statusCode(404);
        asTenant(other).contentType(ContentType.JSON).body("{}").post("/api/v1/dnc/lists/" + list + "/numbers/bulk")
                .then().statusCode(404);
        asTenant(other).get("/api/v1/dnc/lists/" + list + "/export").then().statusCode(404).contentType("application/problem+json");
        asTenant(other).get("/api/v1/dnc/lists").then().body("items.id", org.hamcrest.Matchers.not(hasItem(list)));
        asTenant(tenant).get("/api/v1/dnc/lists/" + list + "/numbers").then().body("items.size()", equalTo(1));
    }

    @Test
    void aListIdThatIsNeitherAnIdNorInternalIsABadRequestNamingIt() {
        asTenant(tenant).get("/api/v1/dnc/lists/abc").then().statusCode(400).body("errors.field", equalTo(List.of("listId")));
        asTenant(tenant).contentType(ContentType.JSON).body("{}").post("/api/v1/dnc/lists/internal/numbers")
                .then().statusCode(400).body("errors.field", equalTo(List.of("phone")));
    }

    static String createList(UUID tenant, String name) {
        return asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}").post("/api/v1/dnc/lists")
                .then().statusCode(201).body("internal", equalTo(false)).extract().path("id");
    }
}
