package io.switchboard.contacts.importer;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static io.switchboard.contacts.RecordsApi.createContact;
import static io.switchboard.contacts.importer.ImportJobs.awaitEnd;
import static io.switchboard.contacts.importer.ImportJobs.job;
import static io.switchboard.contacts.importer.ImportJobs.upload;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;

/** Import policy keep_both: possible duplicates (duplicate_of) and the one-primary-per-phone rule around them. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class KeepBothImportTest {

    private static final String PHONE = "+14155550700";

    @Inject
    EntityManager em;

    @Inject
    IdempotentConsumer consumer;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void keepBothAgainstAnExistingContactCreatesASecondContactMarkedAsItsDuplicate() {
        String primary = createContact(tenant, PHONE, "Existing");
        JsonPath job = awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Imported\n+14155550701,New\n", "duplicates=keep_both"));
        assertEquals("completed", job.getString("status"));
        assertEquals("keep_both", job.getString("duplicatePolicy"));
        assertEquals(2, job.getInt("rowsImported"));
        assertEquals(0, job.getInt("rowsSkipped"));

        List<String> byPhone = byPhone(PHONE);
        assertEquals(List.of("Existing -", "Imported " + primary), byPhone);
        asTenant(tenant).get("/api/v1/contacts/" + primary).then().statusCode(200).body("duplicateOf", nullValue());
        assertEquals(List.of("New -"), byPhone("+14155550701"));
        // contact.created says which contact it duplicates
        assertEquals(List.of(primary), sql("""
                SELECT cloud_event::jsonb #>> '{data,duplicateOf}' FROM outbox_event WHERE tenant_id = ?1
                AND event_type = 'io.switchboard.contact.created.v1' AND cloud_event::jsonb #>> '{data,duplicateOf}' IS NOT NULL
                AND ?2 IS NOT NULL""", "-"));
        // only imports make duplicates: the API still answers 409 for a phone that has a contact
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + PHONE + "\"}").post("/api/v1/contacts")
                .then().statusCode(409);
    }

    @Test
    void rowsRepeatingAPhoneWithinTheFileBecomeDuplicatesOfTheFirstRowsContactAcrossChunks() {
        StringBuilder file = new StringBuilder("phone,first_name\n" + PHONE + ",First\n" + PHONE + ",SameChunk\n");
        for (int i = 0; i < 120; i++) {
            file.append("+1415556").append(String.format("%04d", i)).append(",N").append(i).append('\n');
        }
        file.append(PHONE).append(",LaterChunk\n");
        JsonPath job = awaitEnd(tenant, upload(tenant, file.toString(), "duplicates=keep_both"));
        assertEquals(123, job.getInt("rowsImported"));
        assertEquals(0, job.getInt("rowsSkipped"));
        String first = idOf(PHONE, "First");
        assertEquals(List.of("First -", "LaterChunk " + first, "SameChunk " + first), byPhone(PHONE));
    }

    @Test
    void skipAndUpdateStillTouchOnlyThePhonesPrimaryContact() {
        String primary = createContact(tenant, PHONE, "Existing");
        awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Dup\n", "duplicates=keep_both"));
        JsonPath skipped = awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Skipped\n", "duplicates=skip"));
        assertEquals(1, skipped.getInt("rowsSkipped"));
        JsonPath updated = awaitEnd(tenant, upload(tenant, "phone,company\n" + PHONE + ",Acme\n", "duplicates=update"));
        assertEquals(1, updated.getInt("rowsUpdated"));
        assertEquals(0, updated.getInt("rowsImported"));
        assertEquals(List.of("Dup " + primary + " -", "Existing - Acme"), sql("""
                SELECT concat_ws(' ', first_name, coalesce(duplicate_of::text, '-'), coalesce(company, '-')) FROM contact
                WHERE tenant_id = ?1 AND phone = ?2 ORDER BY first_name""", PHONE));
    }

    @Test
    void undoOfAKeepBothImportRemovesExactlyItsContactsAndAnotherImportsDuplicateBecomesThePrimary() {
        String primary = createContact(tenant, PHONE, "Existing");
        String first = awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Dup\n+14155550701,New\n", "duplicates=keep_both"))
                .getString("id");
        // later imports duplicate the number the first one created, twice: one after the other, so Later1 is the older
        // (two rows of one import share their created_at, and the heir among equals is by id)
        awaitEnd(tenant, upload(tenant, "phone,first_name\n+14155550701,Later1\n", "duplicates=keep_both"));
        awaitEnd(tenant, upload(tenant, "phone,first_name\n+14155550701,Later2\n", "duplicates=keep_both"));
        String later1 = idOf("+14155550701", "Later1");

        asTenant(tenant).post("/api/v1/imports/" + first + "/undo").then().statusCode(200).body("status", equalTo("undone"));
        assertEquals(List.of("Existing -"), byPhone(PHONE));
        // the oldest remaining duplicate inherits the number; the other now duplicates it
        assertEquals(List.of("Later1 -", "Later2 " + later1), byPhone("+14155550701"));
        assertEquals(primary, idOf(PHONE, "Existing"));
    }

    @Test
    void aCallForAPhoneWithDuplicatesIsLinkedToAndCountedOnThePrimaryOnly() {
        String primary = createContact(tenant, PHONE, "Existing");
        awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Dup\n", "duplicates=keep_both"));
        String callId = UUID.randomUUID().toString();
        consumer.consume(EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_CREATED, "calls-service", tenant,
                new CallCreatedV1(callId, "outbound", "queued", "+14155559999", PHONE, null, null, null, Instant.now()))));
        consumer.consume(EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "calls-service", tenant,
                new CallCompletedV1(callId, "busy", null, 0, null, null, null, Instant.now()))));
        assertEquals(List.of("Dup 0", "Existing 1"), sql("""
                SELECT first_name || ' ' || busy_count FROM contact WHERE tenant_id = ?1 AND phone = ?2 ORDER BY first_name""",
                PHONE));
        assertEquals(List.of(primary), sql("SELECT contact_id::text FROM contact_call WHERE tenant_id = ?1 AND call_id::text = ?2",
                callId));
    }

    @Test
    void mergingTheDuplicateIntoItsPrimaryLeavesOneContactWithoutMark() {
        String primary = createContact(tenant, PHONE, null);
        awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Dup\n", "duplicates=keep_both"));
        String duplicate = idOf(PHONE, "Dup");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"mergeContactId\":\"" + duplicate + "\"}")
                .post("/api/v1/contacts/" + primary + "/merge").then().statusCode(200)
                .body("firstName", equalTo("Dup")).body("duplicateOf", nullValue());
        assertEquals(List.of("Dup -"), byPhone(PHONE));
    }

    @Test
    void mergingThePrimaryIntoADuplicateMakesTheSurvivorThePrimaryOfTheOtherDuplicates() {
        String primary = createContact(tenant, PHONE, "Existing");
        awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Dup1\n" + PHONE + ",Dup2\n", "duplicates=keep_both"));
        String dup2 = idOf(PHONE, "Dup2");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"mergeContactId\":\"" + primary + "\"}")
                .post("/api/v1/contacts/" + dup2 + "/merge").then().statusCode(200).body("duplicateOf", nullValue());
        assertEquals(List.of("Dup1 " + dup2, "Dup2 -"), byPhone(PHONE));
    }

    @Test
    void deletingThePrimaryPromotesTheOldestDuplicateAndRepointsTheOthers() {
        String primary = createContact(tenant, PHONE, "Existing");
        awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Older\n", "duplicates=keep_both"));
        awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Newer\n", "duplicates=keep_both"));
        String older = idOf(PHONE, "Older");
        asTenant(tenant).delete("/api/v1/contacts/" + primary).then().statusCode(204);
        assertEquals(List.of("Newer " + older, "Older -"), byPhone(PHONE));
        // the new primary answers for the number: the API refuses a third contact with it
        asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"" + PHONE + "\"}").post("/api/v1/contacts")
                .then().statusCode(409).body("detail", containsString(older));
    }

    @Test
    void changingThePhoneOfAPrimaryOrADuplicateKeepsOnePrimaryPerPhone() {
        String primary = createContact(tenant, PHONE, "Existing");
        awaitEnd(tenant, upload(tenant, "phone,first_name\n" + PHONE + ",Dup1\n" + PHONE + ",Dup2\n", "duplicates=keep_both"));
        String dup1 = idOf(PHONE, "Dup1");
        String dup2 = idOf(PHONE, "Dup2");
        // a duplicate moving to a free number is that number's primary
        asTenant(tenant).contentType("application/merge-patch+json").body("{\"phone\":\"+14155550799\"}")
                .patch("/api/v1/contacts/" + dup2).then().statusCode(200).body("duplicateOf", nullValue());
        // the primary leaving the number hands it to its remaining duplicate
        asTenant(tenant).contentType("application/merge-patch+json").body("{\"phone\":\"+14155550798\"}")
                .patch("/api/v1/contacts/" + primary).then().statusCode(200).body("duplicateOf", nullValue());
        assertEquals(List.of("Dup1 -"), byPhone(PHONE));
        // a taken number stays a 409 for PATCH
        asTenant(tenant).contentType("application/merge-patch+json").body("{\"phone\":\"" + PHONE + "\"}")
                .patch("/api/v1/contacts/" + dup2).then().statusCode(409).body("detail", containsString(dup1));
    }

    /** "firstName duplicateOf|-" of every contact with the phone, found by the API's phone search (all of them). */
    private List<String> byPhone(String phone) {
        List<String> found = new java.util.ArrayList<>();
        JsonPath page = asTenant(tenant).queryParam("phone", phone).get("/api/v1/contacts").then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < page.getList("items").size(); i++) {
            String duplicateOf = page.getString("items[" + i + "].duplicateOf");
            found.add(page.getString("items[" + i + "].firstName") + " " + (duplicateOf == null ? "-" : duplicateOf));
        }
        found.sort(null);
        return found;
    }

    private String idOf(String phone, String firstName) {
        return sql("SELECT id::text FROM contact WHERE tenant_id = ?1 AND phone = ?2 AND first_name = '" + firstName + "'", phone)
                .get(0);
    }

    @SuppressWarnings("unchecked")
    private List<String> sql(String query, Object second) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(query)
                .setParameter(1, tenant).setParameter(2, second).getResultList()));
    }

}
