package io.switchboard.calls.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.switchboard.testsupport.TestTokens;

/** The webhook endpoints end to end: connection lookup, size, authenticity, the processor hand-off, the delivery log. */
@QuarkusTest
class WebhookApiTest {

    private static final String AUTH = "Authorization";
    private static final String EOC = "{\"message\":{\"type\":\"end-of-call-report\",\"call\":{\"id\":\"c-%s\"}}}";

    @Inject
    MeterRegistry metrics;

    private final UUID tenant = UUID.randomUUID();

    private List<Map<String, Object>> deliveries(UUID connectionId) {
        JsonPath page = given().header(AUTH, TestTokens.bearer(tenant)).queryParam("connectionId", connectionId.toString())
                .get("/api/v1/webhook-deliveries").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    private double rejected(String provider, String reason) {
        Counter counter = metrics.find(WebhookIntake.REJECTED).tags("provider", provider, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aVerifiedVapiDeliveryReachesTheProcessorOnceExactlyAsSentAndIsLogged() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"vapi-secret\"}");
        String body = EOC.formatted(UUID.randomUUID());
        given().header("X-Vapi-Secret", "vapi-secret").header(ProcessorProbe.OUTCOME, "ACCEPTED").contentType(ContentType.JSON)
                .body(body).post("/webhooks/vapi/" + id)
                .then().statusCode(200).body("result", equalTo("accepted")).body("deliveryId", notNullValue());

        List<VerifiedDelivery> received = ProcessorProbe.receivedBy(id);
        assertEquals(1, received.size());
        VerifiedDelivery delivery = received.get(0);
        assertEquals(tenant, delivery.tenantId());
        assertEquals("vapi", delivery.provider());
        assertEquals("", delivery.subpath());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), delivery.body());
        assertEquals("vapi-secret", delivery.headers().get("x-vapi-secret"));
        assertTrue(delivery.contentType().startsWith("application/json"));

        List<Map<String, Object>> log = deliveries(id);
        assertEquals(1, log.size());
        assertEquals("accepted", log.get(0).get("result"));
        assertEquals("test-event", log.get(0).get("eventType"));
        assertEquals(200, log.get(0).get("httpStatus"));
        assertEquals("vapi", log.get(0).get("provider"));
    }

    @Test
    void aForgedDeliveryIsRefusedCountedAndLoggedWithoutItsBodyAndNeverReachesTheProcessor() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"retell\",\"name\":\"r\",\"webhookSecret\":\"key_retell\"}");
        double before = rejected("retell", Verdict.BAD_SIGNATURE);
        String body = "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"secret-transcript-here\"}}";
        given().header("X-Retell-Signature", Signed.retell("key_guess", body, Instant.now())).contentType(ContentType.JSON)
                .body(body).post("/webhooks/retell/" + id)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/invalid-webhook-signature"))
                .body("detail", containsString(Verdict.BAD_SIGNATURE));

        assertEquals(0, ProcessorProbe.receivedBy(id).size());
        assertEquals(before + 1, rejected("retell", Verdict.BAD_SIGNATURE));
        List<Map<String, Object>> log = deliveries(id);
        assertEquals(1, log.size());
        assertEquals("rejected_signature", log.get(0).get("result"));
        assertEquals(Verdict.BAD_SIGNATURE, log.get(0).get("detail"));
        assertEquals(401, log.get(0).get("httpStatus"));
        assertTrue(!log.toString().contains("secret-transcript-here"));
    }

    @Test
    void retellAndElevenLabsSignaturesVerifyAndStaleOnesAreRefused() {
        UUID retell = Signed.connection(tenant, "{\"provider\":\"retell\",\"name\":\"r\",\"webhookSecret\":\"key_retell\"}");
        String body = "{\"event\":\"call_started\"}";
        given().header("X-Retell-Signature", Signed.retell("key_retell", body, Instant.now())).header(ProcessorProbe.OUTCOME, "DUPLICATE")
                .contentType(ContentType.JSON).body(body).post("/webhooks/retell/" + retell).then().statusCode(200)
                .body("result", equalTo("duplicate"));
        given().header("X-Retell-Signature", Signed.retell("key_retell", body, Instant.now().minus(Duration.ofMinutes(6))))
                .contentType(ContentType.JSON).body(body).post("/webhooks/retell/" + retell).then().statusCode(401)
                .body("detail", containsString(Verdict.STALE_TIMESTAMP));

        UUID eleven = Signed.connection(tenant, "{\"provider\":\"elevenlabs\",\"name\":\"e\",\"webhookSecret\":\"wsec_el\"}");
        String post = "{\"type\":\"post_call_transcription\",\"data\":{}}";
        given().header("ElevenLabs-Signature", Signed.elevenLabs("wsec_el", post, Instant.now())).header(ProcessorProbe.OUTCOME, "IGNORED")
                .contentType(ContentType.JSON).body(post).post("/webhooks/elevenlabs/" + eleven).then().statusCode(202)
                .body("result", equalTo("ignored"));
        given().header("ElevenLabs-Signature", Signed.elevenLabs("wsec_el", post, Instant.now().plus(Duration.ofHours(1))))
                .contentType(ContentType.JSON).body(post).post("/webhooks/elevenlabs/" + eleven).then().statusCode(401)
                .body("detail", containsString(Verdict.FUTURE_TIMESTAMP));
        given().contentType(ContentType.JSON).body(post).post("/webhooks/elevenlabs/" + eleven).then().statusCode(401)
                .body("detail", containsString(Verdict.MISSING_SIGNATURE));

        assertEquals(1, ProcessorProbe.receivedBy(retell).size());
        assertEquals(1, ProcessorProbe.receivedBy(eleven).size());
    }

    @Test
    void twilioIsVerifiedAgainstThePublicUrlWithItsQueryAndAnswersTheProcessorsTwiml() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"twilio\",\"name\":\"t\",\"webhookSecret\":\"twilio-token\",\"accountSid\":\"AC123\"}");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", "+14155550100");
        form.put("To", "+14155550123");
        form.put("CallStatus", "ringing");
        String path = "/webhooks/twilio/" + id + "/voice";
        String signature = Signed.twilio("twilio-token", Signed.PUBLIC_BASE + path + "?attempt=1", form);

        given().header("X-Twilio-Signature", signature).header(ProcessorProbe.OUTCOME, "twiml").formParams(form)
                .queryParam("attempt", "1").post(path)
                .then().statusCode(200).contentType(containsString("application/xml")).body(equalTo(ProcessorProbe.TWIML));
        assertEquals("voice", ProcessorProbe.receivedBy(id).get(0).subpath());

        // signed for the internal address, or without the query: refused
        given().header("X-Twilio-Signature", Signed.twilio("twilio-token", "http://localhost:8081" + path + "?attempt=1", form))
                .formParams(form).queryParam("attempt", "1").post(path).then().statusCode(401);
        given().header("X-Twilio-Signature", signature).formParams(form).post(path).then().statusCode(401);
        // the status callback is its own URL
        String status = "/webhooks/twilio/" + id + "/status";
        given().header("X-Twilio-Signature", Signed.twilio("twilio-token", Signed.PUBLIC_BASE + status, form))
                .header(ProcessorProbe.OUTCOME, "ACCEPTED").formParams(form).post(status).then().statusCode(200);
        assertEquals(List.of("voice", "status"), ProcessorProbe.receivedBy(id).stream().map(VerifiedDelivery::subpath).toList());
    }

    @Test
    void bolnasOwnBearerTokenIsItsCredentialNotASwitchboardLogin() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"bolna\",\"name\":\"b\",\"webhookSecret\":\"bolna-token\"}");
        given().header(AUTH, "Bearer bolna-token").header(ProcessorProbe.OUTCOME, "ACCEPTED").contentType(ContentType.JSON)
                .body("{\"id\":\"exec-1\",\"status\":\"completed\"}").post("/webhooks/bolna/" + id).then().statusCode(200);
        given().header(AUTH, "Bearer not-the-token").contentType(ContentType.JSON).body("{\"id\":\"exec-1\"}")
                .post("/webhooks/bolna/" + id).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://switchboard.io/problems/invalid-webhook-signature"));
        // even a valid Switchboard token of the very tenant is no credential here
        given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON).body("{\"id\":\"exec-1\"}")
                .post("/webhooks/bolna/" + id).then().statusCode(401);
        assertEquals(1, ProcessorProbe.receivedBy(id).size());
    }

    @Test
    void bolnasAllowListChecksTheAddressTheGatewayForwarded() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"bolna\",\"name\":\"b\",\"allowedIps\":[\"203.0.113.0/24\"]}");
        String body = "{\"id\":\"exec-2\"}";
        // the gateway appends its peer (the provider) last; anything a client wrote further left proves nothing
        given().header("X-Forwarded-For", "198.51.100.1, 203.0.113.7").header(ProcessorProbe.OUTCOME, "ACCEPTED")
                .contentType(ContentType.JSON).body(body).post("/webhooks/bolna/" + id).then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.7, 198.51.100.1").contentType(ContentType.JSON).body(body)
                .post("/webhooks/bolna/" + id).then().statusCode(401).body("detail", containsString(Verdict.IP_NOT_ALLOWED));
        assertEquals(1, ProcessorProbe.receivedBy(id).size());
    }

    @Test
    void unknownDisabledDeletedAndOtherProviderConnectionsAllLookTheSame() {
        UUID vapi = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"s\"}");
        UUID otherTenants = Signed.connection(UUID.randomUUID(), "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"s\"}");
        UUID deleted = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"s\"}");
        given().header(AUTH, TestTokens.bearer(tenant)).delete("/api/v1/provider-connections/" + deleted).then().statusCode(204);
        given().header(AUTH, TestTokens.bearer(tenant)).post("/api/v1/provider-connections/" + vapi + "/disable").then().statusCode(200);

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("unknown", "/webhooks/vapi/" + UUID.randomUUID());
        answers.put("not a uuid", "/webhooks/vapi/not-a-uuid");
        answers.put("unknown provider", "/webhooks/acme/" + vapi);
        answers.put("other provider", "/webhooks/retell/" + otherTenants);
        answers.put("disabled", "/webhooks/vapi/" + vapi);
        answers.put("deleted", "/webhooks/vapi/" + deleted);
        answers.put("twilio path for vapi", "/webhooks/twilio/" + vapi + "/voice");
        Map<String, String> shapes = answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            JsonPath problem = given().header("X-Vapi-Secret", "s").contentType(ContentType.JSON).body("{}").post(e.getValue())
                    .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
            return problem.getString("type") + "|" + problem.getString("title") + "|"
                    + problem.getString("detail").replace(e.getValue(), "<path>");
        }));
        assertEquals(1, shapes.values().stream().distinct().count(), () -> "404s differ: " + shapes);
        assertEquals(0, ProcessorProbe.receivedBy(vapi).size());
        // the tenant sees the deliveries to its disabled connection; nobody sees the unknown ones
        assertEquals("unknown_connection", deliveries(vapi).get(0).get("result"));

        given().header(AUTH, TestTokens.bearer(tenant)).post("/api/v1/provider-connections/" + vapi + "/enable").then().statusCode(200);
        given().header("X-Vapi-Secret", "s").header(ProcessorProbe.OUTCOME, "ACCEPTED").contentType(ContentType.JSON).body("{}")
                .post("/webhooks/vapi/" + vapi).then().statusCode(200);
    }

    @Test
    void aConnectionSeenMomentsAgoIsForgottenAtOnceWhenItsSecretIsRotatedOrItIsDisabledOrDeleted() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"old\"}");
        String connection = "/api/v1/provider-connections/" + id;
        // a first delivery: the connection (tenant, decrypted secret) is now cached for a few seconds
        accepted(id, "old");

        given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON).body("{\"webhookSecret\":\"new\"}")
                .post(connection + "/rotate-secret").then().statusCode(200);
        given().header("X-Vapi-Secret", "old").contentType(ContentType.JSON).body("{}").post("/webhooks/vapi/" + id)
                .then().statusCode(401);
        accepted(id, "new");

        given().header(AUTH, TestTokens.bearer(tenant)).post(connection + "/disable").then().statusCode(200);
        given().header("X-Vapi-Secret", "new").contentType(ContentType.JSON).body("{}").post("/webhooks/vapi/" + id)
                .then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(tenant)).post(connection + "/enable").then().statusCode(200);
        accepted(id, "new");

        given().header(AUTH, TestTokens.bearer(tenant)).delete(connection).then().statusCode(204);
        given().header("X-Vapi-Secret", "new").contentType(ContentType.JSON).body("{}").post("/webhooks/vapi/" + id)
                .then().statusCode(404);
        assertEquals(3, ProcessorProbe.receivedBy(id).size());
    }

    private static void accepted(UUID connectionId, String secret) {
        given().header("X-Vapi-Secret", secret).header(ProcessorProbe.OUTCOME, "ACCEPTED").contentType(ContentType.JSON)
                .body(EOC.formatted(UUID.randomUUID())).post("/webhooks/vapi/" + connectionId).then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIs413AndNotProcessed() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"s\"}");
        String big = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";
        given().header("X-Vapi-Secret", "s").contentType(ContentType.JSON).body(big).post("/webhooks/vapi/" + id)
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(0, ProcessorProbe.receivedBy(id).size());
        assertEquals(413, deliveries(id).get(0).get("httpStatus"));
    }

    @Test
    void theProcessorsMalformedAnswerIsA400ProblemAndItsFailureA500ThatIsLogged() {
        UUID id = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"s\"}");
        given().header("X-Vapi-Secret", "s").header(ProcessorProbe.OUTCOME, "MALFORMED").contentType(ContentType.JSON).body("{}")
                .post("/webhooks/vapi/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("data.call_id is missing"));
        given().header("X-Vapi-Secret", "s").header(ProcessorProbe.OUTCOME, "fail").contentType(ContentType.JSON).body("{}")
                .post("/webhooks/vapi/" + id).then().statusCode(500).contentType("application/problem+json")
                .body(not(containsString("the call model failed")));
        List<Object> results = deliveries(id).stream().map(d -> d.get("result")).toList();
        assertEquals(List.of("failed", "malformed"), results);
    }

    @Test
    void theWebhooksAndTheDeliveryLogFiltersAreDocumented() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/webhooks/{provider}/{connectionId}'.post.summary", notNullValue())
                .body("paths.'/webhooks/twilio/{connectionId}/{callback}'.post.summary", notNullValue())
                .body("paths.'/api/v1/webhook-deliveries'.get.parameters.name", hasItems("connectionId", "result", "from", "to"));
    }
}
