package io.switchboard.contacts.dnc;

import static io.switchboard.contacts.dnc.DncTestData.asTenant;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.switchboard.events.dnc.DncNumberAddedV1;

@QuarkusTest
class DncBulkTest {

    private static final String ADDED = "io.switchboard.dnc.number_added.v1";
    private static final String REMOVED = "io.switchboard.dnc.number_removed.v1";

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aCsvFileAddsEachValidNumberOnceReportsBadRowsAndPublishesOneEventPerNumber() {
        DncTestData.defaultRegion(em, tenant, "US");
        String list = DncListApiTest.createList(tenant, "bulk");
        String file = """
                Name,Phone,Reason
                Ada,+1 415 555 0101,litigator
                Bob,(415) 555-0102,
                Cy,call me,asked
                Di,,none
                Ed,+14155550101,duplicate in the file
                Fi,+442071838750,"quoted, with comma"
                """;
        upload(list, "add", "text/csv", file)
                .statusCode(200)
                .body("action", equalTo("add")).body("rows", equalTo(6)).body("changed", equalTo(3))
                .body("unchanged", equalTo(1)).body("failed", equalTo(2))
                .body("errors.row", equalTo(List.of(4, 5)))
                .body("errors[0].value", equalTo("call me"))
                .body("errors[1].reason", equalTo("no phone number"))
                .body("errorsTruncated", equalTo(false));

        List<DncNumberAddedV1> events = DncTestData.decodedEvents(em, tenant, ADDED).stream()
                .map(e -> (DncNumberAddedV1) e.data()).toList();
        assertEquals(List.of("+14155550101", "+14155550102", "+442071838750"), events.stream().map(DncNumberAddedV1::phone).toList());
        assertEquals("litigator", events.get(0).reason());
        assertEquals("quoted, with comma", events.get(2).reason());
        assertEquals("import", events.get(0).source());

        // the same file again changes nothing and publishes nothing
        upload(list, "add", "text/csv", file).statusCode(200).body("changed", equalTo(0)).body("unchanged", equalTo(4));
        assertEquals(3, DncTestData.events(em, tenant, ADDED));
    }

    @Test
    void oneNumberPerLineRemovesThoseOnTheListAndCountsTheOthersUnchanged() {
        String list = DncListApiTest.createList(tenant, "remove");
        upload(list, null, "text/plain", "+14155550111\n+14155550112\n+14155550113\n").statusCode(200).body("changed", equalTo(3));
        upload(list, "remove", "text/plain", "\uFEFF+14155550111\r\n\r\n+14155550113\r\n+14155550119\r\n")
                .statusCode(200).body("action", equalTo("remove")).body("rows", equalTo(3))
                .body("changed", equalTo(2)).body("unchanged", equalTo(1)).body("failed", equalTo(0));
        asTenant(tenant).get("/api/v1/dnc/lists/" + list + "/numbers")
                .then().body("items.phone", equalTo(List.of("+14155550112")));
        assertEquals(2, DncTestData.events(em, tenant, REMOVED));
    }

    @Test
    void aFileOverTheLimitIs413AndChangesNothingWithOrWithoutAContentLength() {
        String list = DncListApiTest.createList(tenant, "too large");
        StringBuilder file = new StringBuilder();
        for (int i = 0; file.length() <= 65_536; i++) {
            file.append("+1415555").append(String.format("%04d", i % 10_000)).append('\n');
        }
        upload(list, "add", "text/plain", file.toString())
                .statusCode(413).contentType("application/problem+json").body("detail", containsString("file"));
        // chunked: no Content-Length, so the limit bites while streaming, after several batches were written
        asTenant(tenant).contentType("text/plain").body(chunked(file.toString()))
                .post("/api/v1/dnc/lists/" + list + "/numbers/bulk")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(0, DncTestData.count(em, tenant, "SELECT count(*) FROM dnc_number WHERE tenant_id = ?1"));
        assertEquals(0, DncTestData.events(em, tenant, ADDED));
    }

    @Test
    void anUnterminatedQuoteRejectsTheWholeFileNamingItAndWritesNothing() {
        String list = DncListApiTest.createList(tenant, "broken");
        upload(list, "add", "text/csv", "phone,reason\n+14155550121,ok\n+14155550122,\"never closed\n+14155550123,x\n")
                .statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of("file")));
        assertEquals(0, DncTestData.count(em, tenant, "SELECT count(*) FROM dnc_number WHERE tenant_id = ?1"));
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedNamingIt() {
        String list = DncListApiTest.createList(tenant, "latin1");
        byte[] latin1 = "phone,reason\n+14155550124,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        asTenant(tenant).contentType("text/csv").body(latin1).post("/api/v1/dnc/lists/" + list + "/numbers/bulk")
                .then().statusCode(400).body("errors.field", equalTo(List.of("file"))).body("detail", containsString("UTF-8"));
    }

    @Test
    void anEmptyFileOrAHeaderOnlyIsABadRequestAndJsonIsTheWrongMediaType() {
        String list = DncListApiTest.createList(tenant, "empty");
        upload(list, "add", "text/csv", "").statusCode(400).body("errors.field", equalTo(List.of("file")));
        upload(list, "add", "text/csv", "phone,reason\n\n").statusCode(400).body("errors.field", equalTo(List.of("file")));
        upload(list, "add", "application/json", "{\"phone\":\"+14155550125\"}")
                .statusCode(415).contentType("application/problem+json");
        upload(list, "purge", "text/plain", "+14155550125\n").statusCode(400).body("errors.field", equalTo(List.of("action")));
    }

    @Test
    void binaryGarbageAndControlCharactersAreRowErrorsNotServerErrors() {
        String list = DncListApiTest.createList(tenant, "garbage");
        upload(list, "add", "application/octet-stream", "phone,reason\n\u0001\u0002\u0003\n+14155550126,nu\u0000l\n+14155550127\n")
                .statusCode(200).body("changed", equalTo(1)).body("failed", equalTo(2))
                .body("errors.row", equalTo(List.of(2, 3))).body("errors[1].reason", containsString("control characters"));
    }

    private ValidatableResponse upload(String list, String action, String contentType, String body) {
        var request = asTenant(tenant).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        if (action != null) {
            request.queryParam("action", action);
        }
        return request.post("/api/v1/dnc/lists/" + list + "/numbers/bulk").then();
    }

    /** A stream RestAssured cannot size up front, so it sends the body chunked. */
    private static InputStream chunked(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int available() {
                return 0;
            }
        };
    }
}
