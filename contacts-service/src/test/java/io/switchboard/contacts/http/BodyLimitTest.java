package io.switchboard.contacts.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.platform.http.BodyLimit;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;
import io.vertx.core.http.HttpMethod;

/** The test profile limits JSON bodies to 128 KiB (imports: 1 MiB, the HTTP server: 2 MiB). */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class BodyLimitTest {

    @Inject
    BodyLimit limits;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aJsonEndpointRefusesABodyOverTheSmallLimitWith413ProblemJson() {
        asTenant().contentType(ContentType.JSON).body(contactJson(200_000)).post("/api/v1/contacts").then()
                .statusCode(413).contentType(startsWith("application/problem+json")).body("status", equalTo(413));
        asTenant().get("/api/v1/contacts").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aJsonEndpointRefusesAChunkedBodyOverTheSmallLimit() {
        asTenant().contentType(ContentType.JSON).body(chunked(contactJson(200_000))).post("/api/v1/contacts").then()
                .statusCode(413);
        asTenant().get("/api/v1/contacts").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aJsonBodyUnderTheLimitIsServed() {
        asTenant().contentType(ContentType.JSON).body(contactJson(100_000)).post("/api/v1/contacts").then().statusCode(201);
    }

    @Test
    void anImportOverTheJsonLimitStreamsThrough() {
        StringBuilder file = new StringBuilder("phone,notes\n+14155550100,");
        file.append("x".repeat(300_000)).append('\n');
        asTenant().contentType("text/csv").body(file.toString().getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports")
                .then().statusCode(202);
    }

    @Test
    void onlyTheUploadEndpointsAreStreamed() {
        assertTrue(limits.streamed(HttpMethod.POST, "/api/v1/imports"));
        assertTrue(limits.streamed(HttpMethod.POST, "/api/v1/dnc/lists/internal/numbers/bulk"));
        assertFalse(limits.streamed(HttpMethod.POST, "/api/v1/dnc/lists/internal/numbers"));
        assertFalse(limits.streamed(HttpMethod.POST, "/api/v1/imports/" + UUID.randomUUID() + "/undo"));
        assertFalse(limits.streamed(HttpMethod.PATCH, "/api/v1/imports"));
        assertFalse(limits.streamed(HttpMethod.POST, "/api/v1/contacts"));
    }

    /** A valid contact padded with whitespace to {@code bytes}: served (201) unless its size is refused. */
    private static String contactJson(int bytes) {
        String head = "{\"phone\":\"+14155550199\",";
        String tail = "\"firstName\":\"Ada\"}";
        return head + " ".repeat(bytes - head.length() - tail.length()) + tail;
    }

    /** A stream RestAssured cannot size up front, so it sends the body chunked. */
    private static InputStream chunked(String body) {
        return new SequenceInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), InputStream.nullInputStream());
    }

    private RequestSpecification asTenant() {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
