package io.switchboard.platform.tenant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

/**
 * Webhooks carry the provider's own Authorization header (a Bolna bearer token): smallrye-jwt must never see it,
 * or the first database connection would authenticate it and the service would answer 401 before the webhook code runs.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class WebhookAuthenticationTest {

    @Test
    void aProvidersBearerTokenOnAWebhookPathIsNotAuthenticatedAsAGatewayToken() {
        given().header("Authorization", "Bearer bolna-shared-token-not-a-jwt").post("/webhooks/probe")
                .then().statusCode(200).body(equalTo("0"));
    }

    @Test
    void aValidGatewayTokenOnAWebhookPathGivesNoTenantEither() {
        UUID tenant = UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(tenant, "notes:write")).contentType("application/json").body("{\"body\":\"n\"}")
                .post("/api/v1/notes").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(tenant)).post("/webhooks/probe")
                .then().statusCode(200).body(equalTo("0"));
    }

    @Test
    void theSameForeignTokenOnAnApiPathIsStillRefused() {
        given().header("Authorization", "Bearer bolna-shared-token-not-a-jwt").get("/api/v1/notes/" + UUID.randomUUID())
                .then().statusCode(401);
    }
}
