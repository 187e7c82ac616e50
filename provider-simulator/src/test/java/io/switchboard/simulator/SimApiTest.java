package io.switchboard.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The simulator's own API: accounts, settings, stats per number, and determinism by seed. */
@QuarkusTest
class SimApiTest {

    @BeforeEach
    void fresh() {
        Sim.fresh();
    }

    @Test
    void accountAnswersNeverShowSecretsAndDefaultToThePlatformUrl() {
        given().contentType(ContentType.JSON).body("{\"provider\":\"vapi\",\"connectionId\":\"c1\",\"apiKey\":\"k\",\"webhookSecret\":\"s\"}")
                .post("/sim/accounts").then().statusCode(201).body("webhookUrl", equalTo("http://localhost:8080/webhooks/vapi/c1"))
                .body("hasApiKey", equalTo(true)).body("$", not(hasKey("apiKey"))).body("$", not(hasKey("webhookSecret")));
        given().get("/sim/accounts/c1").then().statusCode(200).body("provider", equalTo("vapi"));
        given().delete("/sim/accounts/c1").then().statusCode(204);
        given().get("/sim/accounts/c1").then().statusCode(404);
        given().header("Authorization", "Bearer k").contentType(ContentType.JSON).body("{}").post("/vapi/call").then().statusCode(401);
    }

    @Test
    void twilioWebhooksGoToTheStatusPath() {
        given().contentType(ContentType.JSON).body("{\"provider\":\"twilio\",\"connectionId\":\"c2\",\"accountSid\":\"AC1\",\"webhookSecret\":\"t\","
                + "\"webhookBaseUrl\":\"https://api.example.com/\"}").post("/sim/accounts").then().statusCode(201)
                .body("webhookUrl", equalTo("https://api.example.com/webhooks/twilio/c2/status"));
    }

    @Test
    void invalidAccountsNameEachOffendingField() {
        given().contentType(ContentType.JSON).body("{\"provider\":\"skype\",\"webhookBaseUrl\":\"ftp://x\"}").post("/sim/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasItem(org.hamcrest.Matchers.startsWith("provider:")))
                .body("errors", hasItem(org.hamcrest.Matchers.startsWith("connectionId:")))
                .body("errors", hasItem(org.hamcrest.Matchers.startsWith("webhookBaseUrl:")));
        given().contentType(ContentType.JSON).body("{\"provider\":\"twilio\",\"connectionId\":\"c3\"}").post("/sim/accounts")
                .then().statusCode(400).body("errors", hasItem("accountSid: is required for twilio"));
    }

    @Test
    void twoConnectionsCannotShareAnApiKey() {
        Sim.register("retell", "c4", "same-key", null, null, null);
        given().contentType(ContentType.JSON).body("{\"provider\":\"retell\",\"connectionId\":\"c5\",\"apiKey\":\"same-key\"}")
                .post("/sim/accounts").then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("c4"));
        Sim.register("retell", "c4", "same-key", null, "rotated", null); // the same connection may re-register
    }

    @Test
    void invalidSettingsAreRefusedAndChangeNothing() {
        given().contentType(ContentType.JSON).body("{\"timeFactor\":0,\"answered\":{\"callbackProbability\":2}}").put("/sim/config")
                .then().statusCode(400).body("errors", hasItem(org.hamcrest.Matchers.startsWith("timeFactor:")))
                .body("errors", hasItem(org.hamcrest.Matchers.startsWith("answered.callbackProbability:")));
        given().contentType(ContentType.JSON).body("{\"timefactor\":1}").put("/sim/config").then().statusCode(400);
        given().get("/sim/config").then().body("timeFactor", equalTo(0.001f));
        given().contentType(ContentType.JSON).body("{\"faults\":{\"delayProbability\":0.5}}").put("/sim/config").then().statusCode(200)
                .body("faults.delayProbability", equalTo(0.5f)).body("faults.duplicateProbability", equalTo(0.0f))
                .body("timeFactor", equalTo(0.001f));
    }

    @Test
    void statsCountCreateCallsAndWebhooksPerNumberSoADoubleDialShows() {
        Sim.register("bolna", "c-b", "bk", null, "bt", null);
        Sim.configure(Sim.settings("busy", 0, 0, 0, 0));
        for (String to : List.of("+14155550123", "+14155550123", "+442071838750")) {
            given().header("Authorization", "Bearer bk").contentType(ContentType.JSON)
                    .body("{\"agent_id\":\"a\",\"recipient_phone_number\":\"" + to + "\"}").post("/bolna/call").then().statusCode(200);
        }
        Sim.settled();
        given().get("/sim/stats").then().body("createCalls", equalTo(3)).body("providers.bolna.createCalls", equalTo(3))
                .body("providers.bolna.webhooksSent", equalTo(9))
                .body("numbers.'+14155550123'.createCalls", equalTo(2)).body("numbers.'+14155550123'.webhooksSent", equalTo(6))
                .body("numbers.'+442071838750'.createCalls", equalTo(1))
                .body("numbersCalledMoreThanOnce", equalTo(List.of("+14155550123")));
        given().queryParam("to", "+14155550123").get("/sim/calls").then().body("size()", equalTo(2)).body("attempt", equalTo(List.of(1, 2)));
        given().contentType(ContentType.JSON).post("/sim/reset").then().statusCode(200);
        given().get("/sim/stats").then().body("createCalls", equalTo(0)).body("numbersCalledMoreThanOnce", equalTo(List.of()));
    }

    @Test
    void theSameSeedAndCreateCallsGiveTheSameOutcomes() {
        Sim.register("vapi", "c-v", "vk", null, "vs", null);
        given().contentType(ContentType.JSON).body("{\"outcomes\":{\"answered\":0.4,\"busy\":0.2,\"noAnswer\":0.2,\"voicemail\":0.1,"
                + "\"failed\":0.05,\"silent\":0.05},\"answered\":{\"callbackProbability\":0.3,\"doNotCallProbability\":0.2},"
                + "\"faults\":{\"duplicateProbability\":0.3,\"reorderProbability\":0.3}}").put("/sim/config").then().statusCode(200);
        List<String> first = run(7);
        List<String> again = run(7);
        List<String> other = run(8);
        assertEquals(first, again);
        assertNotEquals(first, other);
        assertEquals(5, first.stream().map(s -> s.split("/")[0]).distinct().count(), "several outcomes drawn: " + first);
    }

    /** 40 calls (20 numbers, twice each) after a reset with {@code seed}: each call's outcome, intent, durations and faults. */
    private List<String> run(long seed) {
        given().contentType(ContentType.JSON).body("{\"seed\":" + seed + "}").post("/sim/reset").then().statusCode(200);
        for (int round = 0; round < 2; round++) {
            for (int n = 0; n < 20; n++) {
                given().header("Authorization", "Bearer vk").contentType(ContentType.JSON)
                        .body("{\"assistantId\":\"a\",\"phoneNumberId\":\"p\",\"customer\":{\"number\":\"+1415555" + (1000 + n) + "\"}}")
                        .post("/vapi/call").then().statusCode(201);
            }
        }
        List<String> outcomes = new ArrayList<>();
        var calls = given().get("/sim/calls").jsonPath();
        for (int i = 0; i < 40; i++) {
            outcomes.add(calls.getString("[" + i + "].plan.outcome") + "/" + calls.getString("[" + i + "].plan.intent") + "/"
                    + calls.getString("[" + i + "].plan.ringSeconds") + "/" + calls.getString("[" + i + "].plan.talkSeconds") + "/"
                    + calls.getString("[" + i + "].reordered") + "/" + calls.getList("[" + i + "].deliveries.duplicate"));
        }
        return outcomes;
    }
}
