package io.switchboard.contacts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.OpenApiExamples;

/** The service's OpenAPI document: a summary for every operation, an example for every request body and successful answer. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummaryAndEveryBodyAndSuccessfulAnswerAnExample() {
        Map<String, Object> document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(List.of(), OpenApiExamples.missing(document));
    }
}
