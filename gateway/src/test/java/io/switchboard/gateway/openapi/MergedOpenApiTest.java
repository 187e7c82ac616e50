package io.switchboard.gateway.openapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MergedOpenApiTest {

    private static final String CONTACTS_DOC = """
            {"openapi":"3.1.0","info":{"title":"contacts","version":"1"},
             "paths":{"/api/v1/contacts":{"get":{"responses":{"200":{"description":"OK"}}}}},
             "components":{"schemas":{"Contact":{"type":"object","properties":{"phone":{"type":"string"}}}}}}""";
    private static final String CALLS_DOC = """
            {"openapi":"3.1.0","info":{"title":"calls","version":"1"},
             "paths":{"/api/v1/calls/{id}":{"get":{"responses":{"200":{"description":"OK"}}}}}}""";

    @BeforeEach
    void upstreamDocuments() {
        upstream("contacts").register(get(urlPathEqualTo("/q/openapi"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(CONTACTS_DOC)));
        upstream("calls").register(get(urlPathEqualTo("/q/openapi"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(CALLS_DOC)));
    }

    @Test
    void mergedDocumentHoldsThePathsAndSchemasOfReachableServices() {
        given().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .contentType("application/json")
                .body("openapi", notNullValue())
                .body("paths.keySet()", hasItem("/api/v1/contacts"))
                .body("paths.keySet()", hasItem("/api/v1/calls/{id}"))
                .body("paths.keySet()", hasItem("/api/v1/openapi.json"))
                .body("components.schemas.keySet()", hasItem("Contact"));
    }

    @Test
    void downServiceIsListedAsUnavailable() {
        given().get("/api/v1/openapi.json")
                .then().statusCode(200)
                .body("x-switchboard-unavailable", hasItem("campaigns"))
                .body("x-switchboard-unavailable", not(hasItem("contacts")));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/index.html")
                .then().statusCode(200)
                .body(containsString("/api/v1/openapi.json"));
    }
}
