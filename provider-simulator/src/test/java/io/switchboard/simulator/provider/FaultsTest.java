package io.switchboard.simulator.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.simulator.Sim;

/** Duplicates, reordering, retries and a platform that is down, as configured. */
@QuarkusTest
class FaultsTest {

    @BeforeEach
    void accounts() {
        Sim.fresh();
        Dial.accounts();
    }

    @Test
    void duplicateProbabilityOneDeliversEveryWebhookTwiceWithTheSameBody() {
        Sim.configure(Sim.settings("answered", 0, 0, 1, 0));
        Dial.call("vapi", "+14155550123");
        JsonPath calls = Sim.settled();
        var received = Sim.received(Dial.path("vapi"));
        assertEquals(8, received.size());
        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(r -> r.getBodyAsString(), Collectors.counting()));
        assertEquals(4, copies.size());
        assertTrue(copies.values().stream().allMatch(n -> n == 2));
        assertEquals(4, calls.getList("[0].deliveries.findAll { it.duplicate }").size());
        given().get("/sim/stats").then().body("providers.vapi.duplicatesSent", equalTo(4)).body("providers.vapi.webhooksSent", equalTo(8));
    }

    @Test
    void reorderProbabilityOneSendsTheEndOfCallReportFirst() {
        Sim.configure(Sim.settings("answered", 0, 0, 0, 1));
        Dial.call("vapi", "+14155550123");
        JsonPath calls = Sim.settled();
        List<String> types = Sim.received(Dial.path("vapi")).stream()
                .map(r -> WebhookSequenceTest.json(r).at("/message/type").asText()).toList();
        assertEquals(List.of("end-of-call-report", "status-update", "status-update", "status-update"), types);
        assertEquals(true, calls.getBoolean("[0].reordered"));
    }

    @Test
    void reorderedRetellCallSendsCallAnalyzedBeforeCallStarted() {
        Sim.configure(Sim.settings("answered", 0, 0, 0, 1));
        Dial.call("retell", "+14155550123");
        Sim.settled();
        assertEquals(List.of("call_analyzed", "call_started", "call_ended"), Sim.received(Dial.path("retell")).stream()
                .map(r -> WebhookSequenceTest.json(r).get("event").asText()).toList());
    }

    @Test
    void platformErrorsAreRetriedWithBackoffUntilAccepted() {
        String path = Dial.path("elevenlabs");
        Sim.PLATFORM.stubFor(WireMock.post(WireMock.urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WireMock.serviceUnavailable()).willSetStateTo("second"));
        Sim.PLATFORM.stubFor(WireMock.post(WireMock.urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(WireMock.aResponse().withStatus(429)).willSetStateTo("up"));
        Sim.PLATFORM.stubFor(WireMock.post(WireMock.urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(WireMock.ok()));
        Dial.call("elevenlabs", "+14155550123");
        JsonPath calls = Sim.settled();
        assertEquals(3, Sim.received(path).size());
        assertEquals("sent", calls.getString("[0].deliveries[0].state"));
        assertEquals(3, calls.getInt("[0].deliveries[0].attempts"));
        given().get("/sim/stats").then().body("providers.elevenlabs.webhookRetries", equalTo(2))
                .body("providers.elevenlabs.webhooksSent", equalTo(1)).body("providers.elevenlabs.webhooksFailed", equalTo(0));
    }

    @Test
    void aRefusalIsNotRetriedButCountedAsRejected() {
        Sim.PLATFORM.stubFor(WireMock.post(WireMock.urlPathEqualTo(Dial.path("bolna"))).willReturn(WireMock.unauthorized()));
        Sim.configure(Sim.settings("busy", 0, 0, 0, 0));
        Dial.call("bolna", "+14155550123");
        Sim.settled();
        assertEquals(3, Sim.received(Dial.path("bolna")).size());
        given().get("/sim/stats").then().body("providers.bolna.webhooksRejected", equalTo(3)).body("providers.bolna.webhookRetries", equalTo(0));
    }

    @Test
    void platformDownCountsFailedWebhooksAndTheSimulatorKeepsServing() {
        given().delete("/sim/accounts/c-vapi").then().statusCode(204);
        Sim.register("vapi", "c-vapi", "vapi-key", null, "vapi-secret", "http://127.0.0.1:1");
        Dial.call("vapi", "+14155550123");
        JsonPath calls = Sim.settled();
        List<Map<String, Object>> deliveries = calls.getList("[0].deliveries");
        assertEquals(4, deliveries.size());
        assertTrue(deliveries.stream().allMatch(d -> d.get("state").equals("failed") && ((Integer) d.get("attempts")) == 4), deliveries.toString());
        given().get("/sim/stats").then().statusCode(200).body("providers.vapi.webhooksFailed", equalTo(4))
                .body("providers.vapi.webhookRetries", equalTo(12)).body("numbers.'+14155550123'.webhooksFailed", equalTo(4));
        Dial.call("vapi", "+14155550124"); // still serving
    }

    @Test
    void perAccountFaultsOverrideTheGlobalOnes() {
        given().delete("/sim/accounts/c-bolna").then().statusCode(204);
        given().contentType("application/json").body("{\"provider\":\"bolna\",\"connectionId\":\"c-bolna\",\"apiKey\":\"bolna-key\","
                + "\"webhookSecret\":\"bolna-token\",\"webhookBaseUrl\":\"" + Sim.platformUrl() + "\",\"faults\":{\"duplicateProbability\":1}}")
                .post("/sim/accounts").then().statusCode(201).body("faults.duplicateProbability", equalTo(1.0f));
        Sim.configure(Sim.settings("busy", 0, 0, 0, 0));
        Dial.call("bolna", "+14155550123");
        Dial.call("vapi", "+14155550123");
        Sim.settled();
        assertEquals(6, Sim.received(Dial.path("bolna")).size());
        assertEquals(3, Sim.received(Dial.path("vapi")).size());
    }
}
