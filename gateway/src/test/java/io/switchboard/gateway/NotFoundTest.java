package io.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotFoundTest {

    @Test
    void pathNoRouteAndNoResourceServesIsA404Problem() {
        given().header("X-Request-Id", "nf-1").get("/no/such/thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/not-found"))
                .body("status", equalTo(404))
                .body("requestId", equalTo("nf-1"));
    }

    @Test
    void unknownApiPathIsA404ProblemNotAProxyAttempt() {
        given().post("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("requestId", notNullValue());
    }
}
