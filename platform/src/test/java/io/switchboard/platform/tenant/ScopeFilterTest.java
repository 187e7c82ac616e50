package io.switchboard.platform.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

/** The test application's scope is notes ({@code switchboard.service.scope}). */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class ScopeFilterTest {

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aWriteNeedsTheWriteScope() {
        given().header("Authorization", TestTokens.bearer(tenant, "notes:read")).contentType("application/json")
                .body("{\"body\":\"hello\"}").post("/api/v1/notes")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("notes:write"));
    }

    @Test
    void aReadNeedsTheReadScope() {
        String location = given().header("Authorization", TestTokens.bearer(tenant, "notes:write")).contentType("application/json")
                .body("{\"body\":\"hello\"}").post("/api/v1/notes").then().statusCode(201).extract().header("Location");
        given().header("Authorization", TestTokens.bearer(tenant, "notes:write")).get(location)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("notes:read"));
        given().header("Authorization", TestTokens.bearer(tenant, "notes:read")).get(location)
                .then().statusCode(200).body("body", org.hamcrest.Matchers.equalTo("hello"));
    }

    @Test
    void anotherServicesScopeDoesNotCount() {
        given().header("Authorization", TestTokens.bearer(tenant, "calls:read")).get("/api/v1/notes/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void withoutATokenTheAnswerIsStill401() {
        given().get("/api/v1/notes/" + UUID.randomUUID()).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void healthIsNotScopeChecked() {
        // up or down (another test may just have restarted Kafka), the answer comes from the health endpoint itself
        given().get("/q/health/ready").then().statusCode(org.hamcrest.Matchers.oneOf(200, 503))
                .body("checks", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theRuleMirrorsTheGateways() {
        assertEquals("calls:read", RouteScopes.required("calls", "GET"));
        assertEquals("calls:read", RouteScopes.required("calls", "HEAD"));
        assertEquals("calls:write", RouteScopes.required("calls", "POST"));
        assertEquals("analytics:write", RouteScopes.required("analytics", "DELETE"));
    }
}
