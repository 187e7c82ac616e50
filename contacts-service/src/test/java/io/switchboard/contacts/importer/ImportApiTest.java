package io.switchboard.contacts.importer;

import static io.switchboard.contacts.RecordsApi.createContact;
import static io.switchboard.contacts.importer.ImportJobs.awaitEnd;
import static io.switchboard.contacts.importer.ImportJobs.job;
import static io.switchboard.contacts.importer.ImportJobs.upload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ImportApiTest {

    @Inject
    EntityManager em;

    @Inject
    ImportWorker worker;

    private final UUID tenant = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void csvImportNormalizesPhonesMapsColumnsKeepsUnknownOnesAndReportsBadRows() {
        setDefaultRegion("US");
        String id = upload(tenant, """
                First Name,Last Name,Cell,Email,Segment
                Ada,Lovelace,+442079460958,ada@example.com,vip
                Alan,Turing,(415) 555-0123,,
                Bad,Number,12345,,
                """, "map=Cell:phone&tag=spring-2026&fileName=leads.csv");
        JsonPath job = awaitEnd(tenant, id);
        assertEquals("completed", job.getString("status"));
        assertEquals("comma", job.getString("delimiter"));
        assertEquals(3, job.getInt("rowsTotal"));
        assertEquals(3, job.getInt("rowsProcessed"));
        assertEquals(2, job.getInt("rowsImported"));
        assertEquals(1, job.getInt("rowsFailed"));

        assertEquals(List.of("+14155550123", "+442079460958"), sql("SELECT phone FROM contact WHERE tenant_id = ?1"
                + " AND source_import_id = ?2 AND source = 'import' AND tags = '{spring-2026}' ORDER BY phone", UUID.fromString(id)));
        assertEquals(List.of("{\"Segment\": \"vip\"}"), sql("SELECT custom_fields::text FROM contact WHERE tenant_id = ?1"
                + " AND phone = '+442079460958' AND ?2 IS NOT NULL", UUID.fromString(id)));
        assertEquals(List.of("America/Los_Angeles number"), sql("SELECT array_to_string(time_zones, ',') || ' ' || time_zone_source"
                + " FROM contact WHERE tenant_id = ?1 AND phone = '+14155550123' AND ?2 IS NOT NULL", UUID.fromString(id)));

        asTenant(tenant).get("/api/v1/imports/" + id + "/errors").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].row", equalTo(3)).body("items[0].column", equalTo("Cell"))
                .body("items[0].value", equalTo("12345")).body("items[0].reason", equalTo("not a valid phone number"));
        String csv = asTenant(tenant).get("/api/v1/imports/" + id + "/errors.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals("row,column,value,reason\r\n3,Cell,12345,not a valid phone number\r\n", csv);

        assertEquals(List.of(2L, 1L), List.of(
                count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.contact.created.v1'"),
                count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.import.completed.v1'"
                        + " AND cloud_event LIKE '%\"rowsImported\":2%'")));
    }

    @Test
    void duplicatesWithinTheFileAndAgainstExistingContactsAreSkippedAcrossChunks() {
        createContact(tenant, "+14155550100", "Existing");
        StringBuilder file = new StringBuilder("phone;first_name\n+14155550100;Again\n");
        for (int i = 0; i < 150; i++) {
            file.append("+1415555").append(String.format("%04d", 1000 + i)).append(";N").append(i).append('\n');
        }
        for (int i = 0; i < 150; i += 10) {
            file.append("+1415555").append(String.format("%04d", 1000 + i)).append(";Dup\n");
        }
        JsonPath job = awaitEnd(tenant, upload(tenant, file.toString(), ""));
        assertEquals("semicolon", job.getString("delimiter"));
        assertEquals(166, job.getInt("rowsTotal"));
        assertEquals(150, job.getInt("rowsImported"));
        assertEquals(16, job.getInt("rowsSkipped"));
        assertEquals(List.of("Existing"), sql("SELECT first_name FROM contact WHERE tenant_id = ?1 AND phone = '+14155550100'"
                + " AND ?2 IS NOT NULL", UUID.randomUUID()));
    }

    @Test
    void aPhoneAnotherWriterCreatesWhileItsChunkIsWrittenIsSkippedAndTheRestOfTheChunkImported() {
        // the API creates +14155550601 after the chunk looked its phones up, just before its contacts are inserted
        worker.beforeInsert(tenant, () -> createContact(tenant, "+14155550601", "Racer"));
        JsonPath job = awaitEnd(tenant, upload(tenant, "phone,first_name\n+14155550600,A\n+14155550601,B\n+14155550602,C\n", ""));
        assertEquals("completed", job.getString("status"));
        assertEquals(2, job.getInt("rowsImported"));
        assertEquals(1, job.getInt("rowsSkipped"));
        assertEquals(List.of("+14155550600 A", "+14155550601 Racer", "+14155550602 C"), sql("SELECT phone || ' ' || first_name"
                + " FROM contact WHERE tenant_id = ?1 AND ?2 IS NOT NULL ORDER BY phone", UUID.randomUUID()));
        // the API's event for its contact and the import's two
        assertEquals(3, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"
                + " AND event_type = 'io.switchboard.contact.created.v1'"));
    }

    @Test
    void aViciDialLeadFileImportsWithItsFixedColumnsTabOrPipe() {
        String tab = String.join("\t", "VL-1", "src", "1001", "1", "4155550111", "Mr", "Alan", "M", "Turing", "1 Main St", "",
                "", "Palo Alto", "CA", "", "94301", "USA", "M", "", "4155550112", "alan@example.com", "", "callback", "", "") + "\n"
                + String.join("\t", "VL-2", "src", "1001", "44", "2079460959", "", "Grace", "", "Hopper") + "\n"
                + String.join("\t", "VL-3", "src", "1001", "1", "555") + "\n";
        JsonPath job = awaitEnd(tenant, upload(tenant, tab, "format=vicidial"));
        assertEquals("tab", job.getString("delimiter"));
        assertEquals(2, job.getInt("rowsImported"));
        assertEquals(1, job.getInt("rowsFailed"));
        UUID importId = UUID.fromString(job.getString("id"));
        assertEquals(List.of("+14155550111 Alan Turing +14155550112 callback {\"title\": \"Mr\", \"gender\": \"M\", \"list_id\": \"1001\", "
                + "\"source_id\": \"src\", \"country_code\": \"USA\", \"middle_initial\": \"M\", \"vendor_lead_code\": \"VL-1\"}"),
                sql("SELECT concat_ws(' ', phone, first_name, last_name, alternate_phone, notes, custom_fields::text) FROM contact"
                        + " WHERE tenant_id = ?1 AND source_import_id = ?2 AND phone LIKE '+1%'", importId));

        JsonPath pipe = awaitEnd(tenant, upload(tenant, "VL-9|src|1002|44|2079460960|Ms|Ada||Lovelace\n", "format=vicidial&delimiter=pipe"));
        assertEquals(1, pipe.getInt("rowsImported"));
    }

    @Test
    void updatePolicyOverwritesExistingContactsAndUndoRestoresThemAndRemovesTheCreatedOnes() {
        String existing = createContact(tenant, "+14155550200", "Old");
        JsonPath job = awaitEnd(tenant, upload(tenant, "phone,first_name,company\n+14155550200,New,Acme\n+14155550201,Fresh,\n",
                "duplicates=update&tag=vip"));
        assertEquals(1, job.getInt("rowsImported"));
        assertEquals(1, job.getInt("rowsUpdated"));
        String id = job.getString("id");
        asTenant(tenant).get("/api/v1/contacts/" + existing).then().body("firstName", equalTo("New"));
        assertEquals(List.of("Acme {vip}"), sql("SELECT company || ' ' || tags::text FROM contact WHERE tenant_id = ?1 AND id = ?2",
                UUID.fromString(existing)));

        assertEquals(List.of("New [\"firstName\", \"company\", \"tags\"]"), sql("""
                SELECT cloud_event::jsonb #>> '{data,firstName}' || ' ' || (cloud_event::jsonb #> '{data,changedFields}')::text
                FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.contact.updated.v1' AND event_key = ?2""",
                existing));
        // the existing contact's own (from the API) and the one the import created
        assertEquals(2, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"
                + " AND event_type = 'io.switchboard.contact.created.v1'"));

        asTenant(tenant).post("/api/v1/imports/" + id + "/undo").then().statusCode(200).body("status", equalTo("undone"));
        asTenant(tenant).get("/api/v1/contacts/" + existing).then().body("firstName", equalTo("Old"));
        assertEquals(List.of("New", "Old"), sql("""
                SELECT cloud_event::jsonb #>> '{data,firstName}' FROM outbox_event
                WHERE tenant_id = ?1 AND event_type = 'io.switchboard.contact.updated.v1' AND event_key = ?2
                ORDER BY created_at""", existing));
        assertEquals(List.of("+14155550201"), sql("""
                SELECT cloud_event::jsonb #>> '{data,phone}' FROM outbox_event
                WHERE tenant_id = ?1 AND event_type = 'io.switchboard.contact.deleted.v1' AND event_key <> ?2""", existing));
        assertEquals(List.of("{}"), sql("SELECT coalesce(company, '') || tags::text FROM contact WHERE tenant_id = ?1 AND id = ?2",
                UUID.fromString(existing)));
        assertEquals(0, count("SELECT count(*) FROM contact WHERE tenant_id = ?1 AND phone = '+14155550201'"));
        asTenant(tenant).post("/api/v1/imports/" + id + "/undo").then().statusCode(409);
    }

    @Test
    void consentColumnsRecordAConsentPerRowWithItsEventAndUndoRemovesThem() {
        String existing = createContact(tenant, "+14155550300", "Old");
        JsonPath job = awaitEnd(tenant, upload(tenant, """
                phone,first_name,consent_type,consent_channel,consent_source,consent_captured_at,consent_evidence,consent_expires_at
                +14155550300,Old,prior_express,sms,web_form,2026-11-20T09:12:00Z,https://forms.example.com/1,2030-01-01
                +14155550301,New,prior_express_written,,,2026-11-19,,
                +14155550302,Plain,,,,,,
                +14155550303,Bad,verbal,,,,,
                +14155550301,New,prior_express_written,,,2026-11-19,,
                """, ""));
        assertEquals(2, job.getInt("rowsImported"));
        assertEquals(1, job.getInt("rowsFailed"));
        String id = job.getString("id");
        asTenant(tenant).get("/api/v1/imports/" + id + "/errors").then().statusCode(200)
                .body("items[0].row", equalTo(4)).body("items[0].column", equalTo("consent_type"))
                .body("items[0].value", equalTo("verbal"));
        // the skipped existing contact gets its consent too; the repeated row adds no second one
        assertEquals(List.of("+14155550300 sms prior_express web_form https://forms.example.com/1 2030",
                "+14155550301 voice prior_express_written import  2099"), sql("""
                SELECT c.phone || ' ' || s.channel || ' ' || s.consent_type || ' ' || s.source || ' '
                    || coalesce(s.evidence, '') || ' ' || coalesce(to_char(s.expires_at AT TIME ZONE 'UTC', 'YYYY'), '2099')
                FROM consent s JOIN contact c ON c.id = s.contact_id
                WHERE s.tenant_id = ?1 AND s.source_import_id = ?2 ORDER BY c.phone""", UUID.fromString(id)));
        assertEquals(List.of("+14155550300 sms", "+14155550301 voice"), sql("""
                SELECT cloud_event::jsonb #>> '{data,phone}' || ' ' || (cloud_event::jsonb #>> '{data,channel}')
                FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.consent.granted.v1'
                AND cloud_event::jsonb #>> '{data,consentType}' <> ?2 ORDER BY 1""", "none"));
        asTenant(tenant).get("/api/v1/contacts/" + existing + "/consents").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].validNow", equalTo(true));

        // a second import of the same consent records nothing twice
        JsonPath again = awaitEnd(tenant, upload(tenant, "phone,consent_type,consent_channel,consent_captured_at\n"
                + "+14155550300,prior_express,sms,2026-11-20T09:12:00Z\n", ""));
        assertEquals(0, count("SELECT count(*) FROM consent WHERE tenant_id = ?1 AND source_import_id = '"
                + again.getString("id") + "'"));

        asTenant(tenant).post("/api/v1/imports/" + id + "/undo").then().statusCode(200);
        assertEquals(0, count("SELECT count(*) FROM consent WHERE tenant_id = ?1"));
        assertEquals(List.of("+14155550300"), sql("""
                SELECT cloud_event::jsonb #>> '{data,phone}' FROM outbox_event
                WHERE tenant_id = ?1 AND event_type = 'io.switchboard.consent.revoked.v1' AND event_key = ?2""", existing));
    }

    @Test
    void unknownOptionsAreRefusedNamingTheParameter() {
        asTenant(tenant).contentType("text/csv").body("phone\n+14155550123\n").post("/api/v1/imports?duplicates=merge")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("duplicates"))
                .body("detail", containsString("skip, update or keep_both"));
        asTenant(tenant).contentType("text/csv").body("phone\n").post("/api/v1/imports?format=xlsx")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        asTenant(tenant).contentType("text/csv").body("phone\n").post("/api/v1/imports?map=Cell:mobile")
                .then().statusCode(400).body("errors[0].field", equalTo("map"));
        asTenant(tenant).get("/api/v1/imports").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badFilesFailTheirJobWithAClearErrorAndWriteNoContact() {
        Map<String, byte[]> files = Map.of(
                "not UTF-8", "phone,first_name\n+14155550300,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                "unterminated quote", "phone,first_name\n+14155550301,\"Ada\n+14155550302,Bob\n".getBytes(StandardCharsets.UTF_8),
                "the file is empty", new byte[0],
                "header but no data rows", "phone,first_name\n".getBytes(StandardCharsets.UTF_8),
                "longer than 4096 characters", ("phone,notes\n+14155550303," + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8),
                "binary data", "phone\n+1415\0\0\0\n".getBytes(StandardCharsets.UTF_8),
                "is the phone number", "name,email\nAda,ada@example.com\n".getBytes(StandardCharsets.UTF_8));
        files.forEach((expected, bytes) -> {
            JsonPath job = awaitEnd(tenant, upload(tenant, bytes, ""));
            assertEquals("failed", job.getString("status"), expected);
            assertTrue(job.getString("error").contains(expected), expected + " -> " + job.getString("error"));
            assertEquals(0, job.getInt("rowsImported"), expected);
        });
        byte[] garbage = new byte[20_000];
        new Random(8).nextBytes(garbage);
        JsonPath job = awaitEnd(tenant, upload(tenant, garbage, ""));
        assertEquals("failed", job.getString("status"));
        assertEquals(0, count("SELECT count(*) FROM contact WHERE tenant_id = ?1"));
        assertEquals(files.size() + 1, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"
                + " AND event_type = 'io.switchboard.import.completed.v1' AND cloud_event LIKE '%\"status\":\"failed\"%'"));
    }

    @Test
    void anUploadOverTheLimitIsAnswered413AndLeavesNoJob() throws Exception {
        byte[] big = ("phone\n" + "+14155550123\n".repeat(90_000)).getBytes(StandardCharsets.UTF_8);
        asTenant(tenant).contentType("text/csv").body(big).post("/api/v1/imports").then().statusCode(413)
                .contentType("application/problem+json");
        // without a Content-Length (chunked), the streaming cap cuts it off
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/v1/imports"))
                .header("Authorization", TestTokens.bearer(tenant)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        try {
            int status = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(413, status);
        } catch (java.io.IOException resetWhileSending) {
            // the server may close the connection before the client finished sending: refused either way
        }
        asTenant(tenant).get("/api/v1/imports").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void cancelStopsBetweenChunksAndUndoRemovesWhatWasImported() {
        Semaphore gate = new Semaphore(2);
        worker.gate(tenant, gate);
        try {
            String id = upload(tenant, numbers(1000, 500), "");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> gate.availablePermits() == 0
                    && job(tenant, id).getInt("rowsProcessed") == 200);
            asTenant(tenant).post("/api/v1/imports/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
            gate.release(100);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !worker.isScheduled(UUID.fromString(id)));
            JsonPath job = job(tenant, id);
            assertEquals("cancelled", job.getString("status"));
            assertEquals(200, job.getInt("rowsProcessed"));
            assertEquals(200, count("SELECT count(*) FROM contact WHERE tenant_id = ?1"));
            asTenant(tenant).post("/api/v1/imports/" + id + "/cancel").then().statusCode(409);
            asTenant(tenant).post("/api/v1/imports/" + id + "/undo").then().statusCode(200);
            assertEquals(0, count("SELECT count(*) FROM contact WHERE tenant_id = ?1"));
        } finally {
            worker.gate(tenant, null);
        }
    }

    @Test
    void aCrashMidImportRollsBackTheOpenChunkAndResumingImportsEveryRowExactlyOnce() {
        worker.crashInChunk(tenant, 3);
        String id = upload(tenant, numbers(2000, 450), "");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !worker.crashPending(tenant)
                && !worker.isScheduled(UUID.fromString(id)));
        JsonPath crashed = job(tenant, id);
        assertEquals("running", crashed.getString("status"));
        assertEquals(200, crashed.getInt("rowsProcessed"));
        assertEquals(200, count("SELECT count(*) FROM contact WHERE tenant_id = ?1"));

        worker.resumeUnfinished();
        JsonPath job = awaitEnd(tenant, id);
        assertEquals("completed", job.getString("status"));
        assertEquals(450, job.getInt("rowsProcessed"));
        assertEquals(450, job.getInt("rowsImported"));
        assertEquals(0, job.getInt("rowsSkipped"));
        assertEquals(450, count("SELECT count(*) FROM contact WHERE tenant_id = ?1"));
        assertEquals(450, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"
                + " AND event_type = 'io.switchboard.contact.created.v1'"));
    }

    @Test
    void numbersOptedOutOfCallsOrOnTheInternalDncListAreImportedAndFlaggedNeverDropped() {
        post("/api/v1/opt-outs", "{\"phone\":\"+14155550401\",\"channel\":\"voice\"}");
        post("/api/v1/dnc/lists/internal/numbers", "{\"phone\":\"+14155550402\"}");
        // texts only: calls are still allowed, so not flagged; another tenant's opt-out does not count
        post("/api/v1/opt-outs", "{\"phone\":\"+14155550403\",\"channel\":\"sms\"}");
        asTenant(other).contentType(ContentType.JSON).body("{\"phone\":\"+14155550400\",\"channel\":\"voice\"}")
                .post("/api/v1/opt-outs").then().statusCode(201);
        JsonPath job = awaitEnd(tenant, upload(tenant, "phone\n+14155550400\n+14155550401\n+14155550402\n+14155550403\n", ""));
        assertEquals(4, job.getInt("rowsImported"));
        assertEquals(2, job.getInt("rowsFlagged"));
        asTenant(tenant).get("/api/v1/imports/" + job.getString("id") + "/errors").then()
                .body("items.size()", equalTo(2))
                .body("items[0].row", equalTo(2)).body("items[0].reason", containsString("opted_out"))
                .body("items[1].row", equalTo(3)).body("items[1].reason", containsString("opted_out"));
        assertEquals(4, count("SELECT count(*) FROM contact WHERE tenant_id = ?1"));
    }

    @Test
    void progressStreamsAsServerSentEventsEndingWithTheFinalState() {
        String id = upload(tenant, "phone\n+14155550500\n", "");
        awaitEnd(tenant, id);
        String stream = asTenant(tenant).accept("text/event-stream").get("/api/v1/imports/" + id + "/events")
                .then().statusCode(200).extract().asString();
        assertTrue(stream.contains("data:") && stream.contains("\"status\":\"completed\""), stream);
    }

    @Test
    void progressEventsArriveWhileTheJobIsRunningNotOnlyWhenItEnds() {
        Semaphore gate = new Semaphore(1);
        worker.gate(tenant, gate);
        try {
            String id = upload(tenant, numbers(3000, 300), "");
            HttpRequest request = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":"
                            + io.restassured.RestAssured.port + "/api/v1/imports/" + id + "/events"))
                    .header("Authorization", TestTokens.bearer(tenant)).header("Accept", "text/event-stream").build();
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofLines());
                assertEquals(200, response.statusCode());
                java.util.Iterator<String> events = response.body().filter(line -> line.startsWith("data:")).iterator();
                // the first chunk is written, the second waits at the gate: the stream reports the running job
                String event;
                do {
                    event = events.next();
                } while (!(event.contains("\"status\":\"running\"") && event.contains("\"rowsProcessed\":100")));
                assertEquals("running", job(tenant, id).getString("status"));
                gate.release(10);
                do {
                    event = events.next();
                } while (!event.contains("\"status\":\"completed\""));
                assertTrue(event.contains("\"rowsProcessed\":300"), event);
                assertTrue(!events.hasNext(), "the stream ends with the job");
            });
        } finally {
            worker.gate(tenant, null);
        }
    }

    @Test
    void anotherTenantSeesNoneOfItAndGets404Everywhere() {
        String id = upload(tenant, "phone\n+14155550600\n", "");
        awaitEnd(tenant, id);
        for (String path : List.of("", "/errors", "/errors.csv", "/events")) {
            asTenant(other).get("/api/v1/imports/" + id + path).then().statusCode(404);
        }
        asTenant(other).post("/api/v1/imports/" + id + "/cancel").then().statusCode(404);
        asTenant(other).post("/api/v1/imports/" + id + "/undo").then().statusCode(404);
        asTenant(other).get("/api/v1/imports").then().body("items.size()", equalTo(0));
        asTenant(tenant).get("/api/v1/imports?limit=1").then().body("items[0].id", equalTo(id));
    }

    private static String numbers(int from, int count) {
        StringBuilder file = new StringBuilder("phone,first_name\n");
        for (int i = 0; i < count; i++) {
            file.append("+1415555").append(String.format("%04d", from + i)).append(",N").append(i).append('\n');
        }
        return file.toString();
    }

    private void post(String path, String json) {
        asTenant(tenant).contentType(ContentType.JSON).body(json).post(path).then().statusCode(201);
    }

    private void setDefaultRegion(String region) {
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "INSERT INTO contact_settings (tenant_id, default_region, updated_at) VALUES (?1, ?2, now())")
                .setParameter(1, tenant).setParameter(2, region).executeUpdate()));
    }

    private long count(String query) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }

    @SuppressWarnings("unchecked")
    private List<String> sql(String query, Object second) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(query)
                .setParameter(1, tenant).setParameter(2, second).getResultList()));
    }

    private static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
