package io.switchboard.calls.call;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class CallApiTest {

    private static final String AUTH = "Authorization";

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @Test
    void createdCallIsNormalizedToE164AndVisibleToItsTenantOnly() {
        String id = given().header(AUTH, TestTokens.bearer(tenantA)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"+1 (415) 555-0123\",\"fromNumber\":\"+14155550100\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/calls/"))
                .body("toNumber", equalTo("+14155550123"))
                .body("status", equalTo("queued"))
                .body("direction", equalTo("outbound"))
                .extract().path("id");

        given().header(AUTH, TestTokens.bearer(tenantA)).get("/api/v1/calls/" + id).then().statusCode(200).body("id", equalTo(id));
        given().header(AUTH, TestTokens.bearer(tenantA)).get("/api/v1/calls").then().statusCode(200).body("items.id", hasItem(id));

        given().header(AUTH, TestTokens.bearer(tenantB)).get("/api/v1/calls/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().header(AUTH, TestTokens.bearer(tenantB)).get("/api/v1/calls").then().statusCode(200).body("items.size()", equalTo(0))
                .body("nextCursor", nullValue());
    }

    @Test
    void invalidNumbersAreRejectedNamingEachOffendingField() {
        given().header(AUTH, TestTokens.bearer(tenantA)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"12\",\"fromNumber\":\"call me\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/validation"))
                .body("errors.field", hasItems("toNumber", "fromNumber"))
                .body("requestId", notNullValue());
    }

    @Test
    void missingRequiredFieldIsListedInTheProblem() {
        given().header(AUTH, TestTokens.bearer(tenantA)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("toNumber"));
    }

    @Test
    void malformedJsonIsABadRequestProblemNotAServerError() {
        given().header(AUTH, TestTokens.bearer(tenantA)).contentType(ContentType.JSON).body("{\"toNumber\": ")
                .when().post("/api/v1/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/malformed-json"));
    }

    @Test
    void wronglyTypedFieldIsNamed() {
        given().header(AUTH, TestTokens.bearer(tenantA)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"+14155550123\",\"agentId\":\"not-a-uuid\"}")
                .when().post("/api/v1/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("agentId"));
    }

    @Test
    void listWalksEveryCallOnceNewestFirstByCursor() {
        UUID tenant = UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, createCall(tenant));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().header(AUTH, TestTokens.bearer(tenant)).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/calls")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void anExactlyFullLastPageHasNoNextCursor() {
        UUID tenant = UUID.randomUUID();
        createCall(tenant);
        createCall(tenant);
        given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls?limit=2")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "limit=0", "limit=-1", "limit=201", "limit=abc", "limit=99999999999", "limit=1.5" })
    void aBadLimitIsABadRequestNamingLimit(String query) {
        given().header(AUTH, TestTokens.bearer(tenantA)).get("/api/v1/calls?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("limit")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "Zm9v", "%00", "YzEuMS4yLjMuNA" })
    void aCursorTheApiDidNotIssueIsABadRequestNamingCursor(String cursor) {
        given().header(AUTH, TestTokens.bearer(tenantA)).urlEncodingEnabled(!cursor.startsWith("%"))
                .get("/api/v1/calls?cursor=" + cursor)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void aTamperedCursorIsABadRequestNamingCursor() {
        UUID tenant = UUID.randomUUID();
        createCall(tenant);
        createCall(tenant);
        String cursor = given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls?limit=1")
                .then().statusCode(200).extract().path("nextCursor");
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        // move the timestamp one second without fixing the checksum
        String[] parts = decoded.split("\\.");
        parts[1] = String.valueOf(Long.parseLong(parts[1]) + 1);
        String tampered = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(".", parts).getBytes(StandardCharsets.US_ASCII));
        given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls?cursor=" + tampered)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void theOldOffsetParametersNoLongerOverflow() {
        // page/size are gone: ignored like any unknown parameter, never a 500
        given().header(AUTH, TestTokens.bearer(tenantA)).get("/api/v1/calls?page=5000000&size=500")
                .then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void anOverlongNumberIsRejectedNotStored() {
        given().header(AUTH, TestTokens.bearer(tenantA)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"+1415555012" + "3".repeat(30) + "\"}").post("/api/v1/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("toNumber"));
    }

    @Test
    void aNulCharacterInAStringIsABadRequestNamingTheField() {
        given().header(AUTH, TestTokens.bearer(tenantA)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"+14155550123\",\"fromNumber\":\"+1415\\u00005550100\"}").post("/api/v1/calls")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("fromNumber")))
                .body("errors[0].message", containsString("control characters"));
    }

    @Test
    void aNulCharacterInAQueryParameterIsABadRequestNamingIt() {
        given().header(AUTH, TestTokens.bearer(tenantA)).urlEncodingEnabled(false).get("/api/v1/calls?cursor=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("cursor")))
                .body("errors[0].message", containsString("control characters"));
    }

    @Test
    void aNonUuidIdIsABadRequestNamingTheParameter() {
        given().header(AUTH, TestTokens.bearer(tenantA)).get("/api/v1/calls/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("id")));
    }

    private static String createCall(UUID tenant) {
        return given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"+14155550123\"}").post("/api/v1/calls")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        given().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/api/v1/calls").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aBareTenantHeaderIsNeverTrusted() {
        given().header("X-Tenant-Id", tenantA.toString()).get("/api/v1/calls")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aClientAccessTokenIsNotAcceptedByServicesOnlyTheGatewaysInternalToken() {
        given().header(AUTH, "Bearer " + TestTokens.access(tenantA, UUID.randomUUID(), "admin")).get("/api/v1/calls")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTamperedTokenIsUnauthorized() {
        String token = TestTokens.internal(tenantA);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header(AUTH, "Bearer " + tampered).get("/api/v1/calls")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void requestIdIsEchoedAndQuotedInProblems() {
        given().header("X-Request-Id", "req-123").get("/api/v1/calls")
                .then().statusCode(401).header("X-Request-Id", "req-123").body("requestId", equalTo("req-123"));
    }
}
