package io.switchboard.contacts.memory;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static io.switchboard.contacts.RecordsApi.createContact;
import static io.switchboard.contacts.RecordsApi.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contacts.RecordsApi;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.memory.MemoryAddedV1;

@QuarkusTest
class MemoryApiTest {

    @Inject
    RecordsApi records;

    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void manualMemoriesAreListedNewestFirstByCursorAndCanBeDeleted() {
        String contact = createContact(tenant, "+14155550140");
        String first = add(contact, "Prefers calls after 5pm");
        String second = add(contact, "Has two children");

        String cursor = asTenant(tenant).get(memories(contact) + "?limit=1").then().statusCode(200)
                .body("items[0].id", equalTo(second)).body("items[0].kind", equalTo("manual"))
                .body("items[0].callId", nullValue()).body("nextCursor", notNullValue()).extract().path("nextCursor");
        asTenant(tenant).queryParam("cursor", cursor).get(memories(contact) + "?limit=1").then().statusCode(200)
                .body("items[0].id", equalTo(first)).body("items[0].content", equalTo("Prefers calls after 5pm"))
                .body("nextCursor", nullValue());

        asTenant(tenant).delete(memories(contact) + "/" + first).then().statusCode(204);
        asTenant(tenant).get(memories(contact)).then().statusCode(200).body("items.id", equalTo(List.of(second)));
        asTenant(tenant).delete(memories(contact) + "/" + first).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void addingAMemoryPublishesMemoryAdded() {
        String contact = createContact(tenant, "+14155550141");
        String id = add(contact, "Renewal is due in March");
        List<MemoryAddedV1> events = records.published(tenant, EventCatalog.MEMORY_ADDED);
        assertEquals(1, events.size());
        assertEquals(new MemoryAddedV1(id, contact, "manual", "Renewal is due in March", null, events.get(0).addedAt()),
                events.get(0));
    }

    @Test
    void anotherTenantsContactIsNotFoundWhateverTheBodySays() {
        String contact = createContact(tenant, "+14155550142");
        json(other, "{}").post(memories(contact)).then().statusCode(404).contentType("application/problem+json");
        asTenant(other).get(memories(contact)).then().statusCode(404);
        String memory = add(contact, "x");
        asTenant(other).delete(memories(contact) + "/" + memory).then().statusCode(404);
        asTenant(tenant).get(memories(contact)).then().body("items.size()", equalTo(1));
    }

    @Test
    void aMemoryOfAnotherContactCannotBeDeletedThroughThisOne() {
        String contact = createContact(tenant, "+14155550143");
        String otherContact = createContact(tenant, "+14155550144");
        String memory = add(contact, "x");
        asTenant(tenant).delete(memories(otherContact) + "/" + memory).then().statusCode(404);
        asTenant(tenant).get(memories(contact)).then().body("items.size()", equalTo(1));
    }

    @Test
    void blankOrOverlongContentIsNamedAndNothingIsStored() {
        String contact = createContact(tenant, "+14155550145");
        json(tenant, "{}").post(memories(contact)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("content")));
        json(tenant, "{\"content\":\"   \"}").post(memories(contact)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("content")));
        json(tenant, "{\"content\":\"" + "a".repeat(MemoryService.MAX_CONTENT + 1) + "\"}").post(memories(contact)).then()
                .statusCode(400).body("errors.field", equalTo(List.of("content")));
        asTenant(tenant).get(memories(contact)).then().body("items.size()", equalTo(0));
        assertEquals(0, records.published(tenant, EventCatalog.MEMORY_ADDED).size());
    }

    @Test
    void deletingTheContactDeletesItsMemories() {
        String contact = createContact(tenant, "+14155550146");
        add(contact, "x");
        records.execute(tenant, "DELETE FROM contact WHERE tenant_id = ?1");
        assertEquals(0, records.count(tenant, "SELECT count(*) FROM memory WHERE tenant_id = ?1"));
    }

    private String add(String contact, String content) {
        return json(tenant, "{\"content\":\"" + content + "\"}").post(memories(contact)).then().statusCode(201)
                .body("kind", equalTo("manual")).body("contactId", equalTo(contact)).extract().path("id");
    }

    private static String memories(String contact) {
        return "/api/v1/contacts/" + contact + "/memories";
    }
}
