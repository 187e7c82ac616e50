package io.switchboard.analytics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

/** Bad report parameters are 400 problems naming the parameter: never 404 (the route exists), never 500. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class TenantAnalyticsQueryTest {

    @ParameterizedTest
    @CsvSource({
            "daily, from=yesterday, from",
            "summary, to=2026-02-30, to",
            "daily, from=2026-1-1, from",
            "summary, from=+999999999-12-31, from",
            "daily, to=-0001-01-01, to",
            "summary, from=2026-03-01&to=2026-01-01, from",
            "daily, from=2020-01-01&to=2026-01-01, from" })
    void aMalformedOrOutOfRangeDateIsABadRequestNamingIt(String report, String query, String parameter) {
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID()))
                .get("/api/v1/analytics/tenant/" + report + "?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(parameter)));
    }
}
