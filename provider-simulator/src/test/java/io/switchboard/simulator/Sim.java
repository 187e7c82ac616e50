package io.switchboard.simulator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Test helpers: the receiving platform (one WireMock answering 200 on /webhooks/**), the simulator's own API, and
 * settings documents. The Quarkus app boots once for every test class; each test resets the simulator and WireMock.
 */
public final class Sim {

    public static final WireMockServer PLATFORM = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        PLATFORM.start();
        Runtime.getRuntime().addShutdownHook(new Thread(PLATFORM::stop));
    }

    private Sim() {
    }

    public static String platformUrl() {
        return "http://localhost:" + PLATFORM.port();
    }

    /** Fresh simulator (seed 42, no calls, no accounts) and a platform answering 200 to every webhook. */
    public static void fresh() {
        given().contentType(ContentType.JSON).body("{\"seed\":42}").post("/sim/reset").then().statusCode(200);
        for (Map<String, Object> account : given().get("/sim/accounts").jsonPath().<Map<String, Object>>getList("$")) {
            given().delete("/sim/accounts/" + account.get("connectionId")).then().statusCode(204);
        }
        PLATFORM.resetAll();
        PLATFORM.stubFor(WireMock.post(WireMock.urlPathMatching("/webhooks/.*")).willReturn(WireMock.ok()));
        configure(settings("answered", 0, 0, 0, 0));
    }

    /**
     * Settings where only {@code outcome} happens, with fast timing (time factor 0.001) and no delays.
     *
     * @param callback  / doNotCall: the intents of answered calls; duplicate / reorder: the global faults
     */
    public static String settings(String outcome, double callback, double doNotCall, double duplicate, double reorder) {
        String outcomes = List.of("answered", "busy", "noAnswer", "voicemail", "failed", "silent").stream()
                .map(o -> "\"" + o + "\":" + (o.equals(outcome) ? 1 : 0)).reduce((a, b) -> a + "," + b).orElseThrow();
        return "{\"timeFactor\":0.001,\"outcomes\":{" + outcomes + "},"
                + "\"answered\":{\"callbackProbability\":" + callback + ",\"doNotCallProbability\":" + doNotCall + "},"
                + "\"faults\":{\"duplicateProbability\":" + duplicate + ",\"reorderProbability\":" + reorder
                + ",\"delayProbability\":0,\"maxDelaySeconds\":30}}";
    }

    public static void configure(String settings) {
        given().contentType(ContentType.JSON).body(settings).put("/sim/config").then().statusCode(200);
    }

    public static void register(String provider, String connectionId, String apiKey, String accountSid, String secret, String baseUrl) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("provider", provider);
        body.put("connectionId", connectionId);
        if (apiKey != null) {
            body.put("apiKey", apiKey);
        }
        if (accountSid != null) {
            body.put("accountSid", accountSid);
        }
        if (secret != null) {
            body.put("webhookSecret", secret);
        }
        body.put("webhookBaseUrl", baseUrl == null ? platformUrl() : baseUrl);
        given().contentType(ContentType.JSON).body(body).post("/sim/accounts").then().statusCode(201);
    }

    /** Waits until no delivery of any call is still scheduled; the calls as /sim/calls shows them. */
    public static JsonPath settled() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25)).until(() -> {
            List<String> states = given().get("/sim/calls").jsonPath().getList("deliveries.flatten().state");
            return states.stream().noneMatch("scheduled"::equals);
        });
        return given().get("/sim/calls").jsonPath();
    }

    /** The webhooks the platform received at {@code path}, in arrival order. */
    public static List<LoggedRequest> received(String path) {
        return PLATFORM.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(path)));
    }
}
