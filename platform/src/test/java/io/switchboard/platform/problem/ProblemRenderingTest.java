package io.switchboard.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

/** RFC 9457 bodies as every service renders them, proven once on the test application. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class ProblemRenderingTest {

    private final String token = TestTokens.bearer(UUID.randomUUID(), "notes:read", "notes:write");

    @Test
    void anInvalidFieldIsA400NamingTheField() {
        given().header("Authorization", token).contentType("application/json").body("{\"body\":\"\"}").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].field", containsString("body")).body("requestId", notNullValue());
    }

    @Test
    void malformedJsonIsA400() {
        given().header("Authorization", token).contentType("application/json").body("{\"body\":").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
    }

    @Test
    void anUnknownIdIsA404Problem() {
        given().header("Authorization", token).get("/api/v1/notes/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("instance", containsString("/api/v1/notes/"));
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        given().header("Authorization", token).get("/nowhere").then().statusCode(404).contentType("application/problem+json");
    }
}
