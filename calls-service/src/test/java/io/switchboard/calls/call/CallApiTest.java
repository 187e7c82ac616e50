package io.switchboard.calls.call;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import java.util.UUID;

import org.junit.jupiter.api.Test;

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
        given().header(AUTH, TestTokens.bearer(tenantA)).get("/api/v1/calls").then().statusCode(200).body("id", hasItem(id));

        given().header(AUTH, TestTokens.bearer(tenantB)).get("/api/v1/calls/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().header(AUTH, TestTokens.bearer(tenantB)).get("/api/v1/calls").then().statusCode(200).body("size()", equalTo(0));
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
    void outOfRangeQueryParameterIsNamed() {
        given().header(AUTH, TestTokens.bearer(tenantA)).get("/api/v1/calls?size=100000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
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
