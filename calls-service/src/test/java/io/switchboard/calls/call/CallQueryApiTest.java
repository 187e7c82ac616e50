package io.switchboard.calls.call;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.calls.webhook.DeliveryProcessor;
import io.switchboard.calls.webhook.Fixtures;
import io.switchboard.calls.webhook.VerifiedDelivery;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class CallQueryApiTest {

    private static final String AUTH = "Authorization";

    @Inject
    DeliveryProcessor processor;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void listFiltersByProviderDispositionStatusAndProviderCallId() {
        String voicemail = apply("vapi", "outbound-voicemail");
        String busy = apply("twilio", "outbound-busy");
        String manual = given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"toNumber\":\"+14155550123\"}").post("/api/v1/calls").then().statusCode(201).extract().path("id");

        list("provider=vapi").body("items.id", hasItem(voicemail)).body("items.id", not(hasItem(busy)));
        list("disposition=busy").body("items.id", hasItem(busy)).body("items.size()", equalTo(1));
        list("status=queued").body("items.id", hasItem(manual)).body("items.size()", equalTo(1));
        list("providerCallId=CA11111111111111111111111111111111").body("items.id", hasItem(busy))
                .body("items[0].flags.humanAnswered", equalTo(false));
        list("direction=outbound&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z").body("items.size()", equalTo(3));
        list("from=2100-01-01T00:00:00Z").body("items.size()", equalTo(0));
        list("agentId=" + UUID.randomUUID()).body("items.size()", equalTo(0));
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        for (String query : new String[] {"status=done", "disposition=sale", "direction=sideways", "provider=acme",
                "from=yesterday", "agentId=not-a-uuid"}) {
            given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body(containsString(query.substring(0, query.indexOf('='))));
        }
    }

    @Test
    void detailTimelineTranscriptAndRecordingOfAProviderCall() {
        String id = apply("vapi", "outbound-completed");
        given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls/" + id).then().statusCode(200)
                .body("provider", equalTo("vapi")).body("disposition", equalTo("answered_human"))
                .body("flags.completed", equalTo(true)).body("durationSeconds", equalTo(93))
                .body("structuredData.appointment_confirmed", equalTo(true));
        given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls/" + id + "/timeline").then().statusCode(200)
                .body("size()", equalTo(4)).body("eventSequence", org.hamcrest.Matchers.contains(1, 2, 3, 4))
                .body("[3].type", equalTo("end-of-call-report")).body("[3].raw.message.type", equalTo("end-of-call-report"));
        given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls/" + id + "/transcript").then().statusCode(200)
                .body("turns.size()", equalTo(4)).body("wordCount", org.hamcrest.Matchers.greaterThan(5));
        given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls/" + id + "/recording").then().statusCode(200)
                .body("url", containsString("storage.vapi.ai"));
    }

    @Test
    void anotherTenantGets404EvenWithAnInvalidBody() {
        String id = apply("retell", "outbound-analyzed");
        UUID other = UUID.randomUUID();
        for (String path : new String[] {"", "/timeline", "/transcript", "/recording"}) {
            given().header(AUTH, TestTokens.bearer(other)).get("/api/v1/calls/" + id + path).then().statusCode(404);
        }
        given().header(AUTH, TestTokens.bearer(other)).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/calls/" + id + "/disposition").then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON).body("{}")
                .put("/api/v1/calls/" + id + "/disposition").then().statusCode(400).body(containsString("disposition"));
        given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"disposition\":\"do_not_call\",\"note\":\"asked again\"}")
                .put("/api/v1/calls/" + id + "/disposition").then().statusCode(200)
                .body("disposition", equalTo("do_not_call")).body("flags.dnc", equalTo(true));
        given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls/" + id + "/timeline").then().statusCode(200)
                .body("type", hasItem("disposition_set"));
    }

    private String apply(String provider, String name) {
        String id = null;
        for (VerifiedDelivery d : Fixtures.sequences().stream().filter(s -> s.provider().equals(provider) && s.name().equals(name))
                .findFirst().orElseThrow().deliveries(tenant, UUID.randomUUID())) {
            id = processor.process(d).callId().toString();
        }
        return id;
    }

    private io.restassured.response.ValidatableResponse list(String query) {
        return given().header(AUTH, TestTokens.bearer(tenant)).get("/api/v1/calls?" + query).then().statusCode(200);
    }
}
