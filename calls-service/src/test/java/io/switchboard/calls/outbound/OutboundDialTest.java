package io.switchboard.calls.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.calls.agent.Agent;
import io.switchboard.calls.connection.ConnectionService;
import io.switchboard.calls.connection.CreateConnectionRequest;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.number.PhoneNumber;
import io.switchboard.calls.reconcile.StuckCallReconciler;
import io.switchboard.calls.webhook.DeliveryProcessor;
import io.switchboard.calls.webhook.ProcessingResult;
import io.switchboard.calls.webhook.Payloads;
import io.switchboard.calls.webhook.VerifiedDelivery;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.Topics;
import io.switchboard.events.dial.DialRequestedV1;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TopicWriter;

/**
 * Dial requests through the real consumer path (inbox, PostgreSQL, outbox) against WireMock stubs of each provider's
 * API. Each test has its own tenant and connections, so each has its own circuit breakers.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class OutboundDialTest {

    private static final String TO = "+14155550123";
    private static final String FROM = "+14155550100";
    private static WireMockServer provider;

    @Inject
    DialRequestConsumer consumer;

    @Inject
    ConnectionService connections;

    @Inject
    DeliveryProcessor processor;

    @Inject
    StuckCallReconciler reconciler;

    @Inject
    OutboundCalls outboundCalls;

    @Inject
    EntityManager em;

    private UUID tenant;

    @BeforeAll
    static void startProvider() {
        provider = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @BeforeEach
    void freshTenant() {
        provider.resetAll();
        tenant = UUID.randomUUID();
    }

    // ---- the five adapters

    @Test
    void vapiDialSendsTheKeyAssistantNumberVariablesAndOurIdsAndRecordsTheProviderCallId() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", "pn_vapi_1");
        provider.stubFor(post("/call").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"vapi-call-1\",\"status\":\"queued\"}")));

        String dialRequest = dial(agent, null, Map.of("first_name", "Ada"));

        JsonNode call = onlyCall();
        provider.verify(1, postRequestedFor(urlEqualTo("/call"))
                .withHeader("Authorization", equalTo("Bearer vapi-key"))
                .withRequestBody(equalToJson("""
                        {"assistantId":"asst_123","phoneNumberId":"pn_vapi_1","customer":{"number":"%s"},
                         "assistantOverrides":{"variableValues":{"first_name":"Ada","switchboard_call_id":"%s",
                                                                 "switchboard_dial_request_id":"%s"}},
                         "metadata":{"switchboardCallId":"%s","switchboardDialRequestId":"%s"}}"""
                        .formatted(TO, call.get("id").asText(), dialRequest, call.get("id").asText(), dialRequest))));
        assertInitiated(call, "vapi", "vapi-call-1", dialRequest);
    }

    @Test
    void retellDialSendsFromToOverrideAgentDynamicVariablesAndMetadata() {
        Agent agent = agent(Provider.RETELL, "retell-key", "agent_retell", null);
        provider.stubFor(post("/v2/create-phone-call").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"call_id\":\"retell-call-1\",\"call_status\":\"registered\"}")));

        String dialRequest = dial(agent, null, Map.of("first_name", "Ada"));

        JsonNode call = onlyCall();
        String id = call.get("id").asText();
        provider.verify(1, postRequestedFor(urlEqualTo("/v2/create-phone-call"))
                .withHeader("Authorization", equalTo("Bearer retell-key"))
                .withRequestBody(equalToJson("""
                        {"from_number":"%s","to_number":"%s","override_agent_id":"agent_retell",
                         "retell_llm_dynamic_variables":{"first_name":"Ada","switchboard_call_id":"%s","switchboard_dial_request_id":"%s"},
                         "metadata":{"switchboardCallId":"%s","switchboardDialRequestId":"%s"}}"""
                        .formatted(FROM, TO, id, dialRequest, id, dialRequest))));
        assertInitiated(call, "retell", "retell-call-1", dialRequest);
    }

    @Test
    void elevenLabsDialSendsTheXiApiKeyAgentPhoneNumberIdAndDynamicVariables() {
        Agent agent = agent(Provider.ELEVENLABS, "xi-key", "agent_el", "phnum_el_1");
        provider.stubFor(post("/v1/convai/twilio/outbound-call").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"message\":\"ok\",\"conversation_id\":\"conv_1\",\"callSid\":\"CA1\"}")));

        String dialRequest = dial(agent, null, Map.of());

        JsonNode call = onlyCall();
        provider.verify(1, postRequestedFor(urlEqualTo("/v1/convai/twilio/outbound-call"))
                .withHeader("xi-api-key", equalTo("xi-key"))
                .withRequestBody(equalToJson("""
                        {"agent_id":"agent_el","agent_phone_number_id":"phnum_el_1","to_number":"%s",
                         "conversation_initiation_client_data":{"dynamic_variables":{"switchboard_call_id":"%s",
                                                                                   "switchboard_dial_request_id":"%s"}}}"""
                        .formatted(TO, call.get("id").asText(), dialRequest))));
        assertInitiated(call, "elevenlabs", "conv_1", dialRequest);
    }

    @Test
    void bolnaDialSendsAgentNumbersAndUserDataWithOurIds() {
        Agent agent = agent(Provider.BOLNA, "bolna-key", "agent_bolna", null);
        provider.stubFor(post("/call").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"done\",\"status\":\"queued\",\"execution_id\":\"exec-1\"}")));

        String dialRequest = dial(agent, FROM, Map.of("plan", "gold"));

        JsonNode call = onlyCall();
        provider.verify(1, postRequestedFor(urlEqualTo("/call"))
                .withHeader("Authorization", equalTo("Bearer bolna-key"))
                .withRequestBody(equalToJson("""
                        {"agent_id":"agent_bolna","recipient_phone_number":"%s","from_phone_number":"%s",
                         "user_data":{"plan":"gold","switchboard_call_id":"%s","switchboard_dial_request_id":"%s"}}"""
                        .formatted(TO, FROM, call.get("id").asText(), dialRequest))));
        assertInitiated(call, "bolna", "exec-1", dialRequest);
    }

    @Test
    void twilioDialGoesThroughTheSdkWithBasicAuthApplicationAndOurStatusCallback() {
        Agent agent = agent(Provider.TWILIO, "auth-token", "AP0123456789abcdef0123456789abcdef", null);
        String calls = "/2010-04-01/Accounts/AC11111111111111111111111111111111/Calls.json";
        provider.stubFor(post(calls).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"CA00000000000000000000000000000001\",\"status\":\"queued\","
                        + "\"account_sid\":\"AC11111111111111111111111111111111\"}")));

        String dialRequest = dial(agent, null, Map.of());

        JsonNode call = onlyCall();
        String basic = Base64.getEncoder().encodeToString("AC11111111111111111111111111111111:auth-token"
                .getBytes(StandardCharsets.UTF_8));
        provider.verify(1, postRequestedFor(urlEqualTo(calls))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withRequestBody(containing("To=%2B14155550123"))
                .withRequestBody(containing("From=%2B14155550100"))
                .withRequestBody(containing("ApplicationSid=AP0123456789abcdef0123456789abcdef"))
                .withRequestBody(containing("StatusCallback=" + java.net.URLEncoder.encode(
                        "http://localhost:8080/webhooks/twilio/" + call.get("connection_id").asText() + "/status",
                        StandardCharsets.UTF_8)))
                .withRequestBody(containing("StatusCallbackEvent=ringing")));
        assertInitiated(call, "twilio", "CA00000000000000000000000000000001", dialRequest);
    }

    // ---- exactly one live call per dial request

    @Test
    void theSameDialRequestDeliveredTwiceOrReclaimedMakesOneProviderRequestAndOneCall() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", "pn_vapi_1");
        provider.stubFor(post("/call").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"vapi-call-1\"}")));
        String dialRequest = UUID.randomUUID() + ":1";
        byte[] event = event(request(agent, dialRequest, null, Map.of(), Instant.now().plusSeconds(600)));

        consumer.handle(event);
        consumer.handle(event); // the same record redelivered
        // the dispatcher's lease expired and another replica published the same request again: a new event id
        consumer.handle(event(request(agent, dialRequest, null, Map.of(), Instant.now().plusSeconds(600))));

        provider.verify(1, postRequestedFor(urlEqualTo("/call")));
        assertEquals(1L, count("SELECT count(*) FROM call WHERE tenant_id = ?1"));
        assertEquals(1L, outbox("io.switchboard.call.initiated.v1"));
    }

    @Test
    void aDialRequestFromKafkaIsPlacedOnce() {
        Agent agent = agent(Provider.BOLNA, "bolna-key", "agent_bolna", null);
        provider.stubFor(post("/call").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"execution_id\":\"exec-kafka\"}")));
        DialRequestedV1 request = request(agent, UUID.randomUUID() + ":1", FROM, Map.of(), Instant.now().plusSeconds(600));
        byte[] event = event(request);

        TopicWriter.send(Topics.DIALS, request.queueItemId(), event);
        TopicWriter.send(Topics.DIALS, request.queueItemId(), event);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outbox("io.switchboard.call.initiated.v1") == 1L);
        assertEquals("exec-kafka", onlyCall().get("provider_call_id").asText());
        provider.verify(1, postRequestedFor(urlEqualTo("/call")));
    }

    // ---- retries, the breaker, refusals

    @Test
    void aRateLimitedDialIsRetriedAfterRetryAfterAndThenSucceeds() {
        Agent agent = agent(Provider.RETELL, "retell-key", "agent_retell", null);
        provider.stubFor(post("/v2/create-phone-call").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        provider.stubFor(post("/v2/create-phone-call").inScenario("limited").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"call_id\":\"retell-after-429\"}")));

        String dialRequest = dial(agent, null, Map.of());

        provider.verify(2, postRequestedFor(urlEqualTo("/v2/create-phone-call")));
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent =
                provider.findAll(postRequestedFor(urlEqualTo("/v2/create-phone-call")));
        // Retry-After: 1 was honoured (the exponential backoff alone would have waited 10-50 ms)
        assertTrue(Duration.between(sent.get(0).getLoggedDate().toInstant(), sent.get(1).getLoggedDate().toInstant())
                .compareTo(Duration.ofMillis(900)) >= 0);
        assertInitiated(onlyCall(), "retell", "retell-after-429", dialRequest);
    }

    @Test
    void aRetryAfterLongerThanTheCapIsNotWaitedForAndTheDialFailsProviderUnavailable() {
        Agent agent = agent(Provider.RETELL, "retell-key", "agent_retell", null);
        provider.stubFor(post("/v2/create-phone-call").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        String dialRequest = dial(agent, null, Map.of());

        provider.verify(1, postRequestedFor(urlEqualTo("/v2/create-phone-call")));
        assertEquals("provider_unavailable", failed(dialRequest).get("reason").asText());
    }

    @Test
    void serverErrorsAreRetriedThenTheConnectionsBreakerOpensWithoutStoppingAnotherConnection() {
        Agent failing = agent(Provider.VAPI, "failing-key", "asst_1", "pn_1");
        Agent healthy = agent(Provider.VAPI, "healthy-key", "asst_2", "pn_2");
        provider.stubFor(post("/call").withHeader("Authorization", equalTo("Bearer failing-key"))
                .willReturn(aResponse().withStatus(500)));
        provider.stubFor(post("/call").withHeader("Authorization", equalTo("Bearer healthy-key"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"ok-1\"}")));

        String first = dial(failing, null, Map.of());
        // three attempts (the first and two retries), all counted by the failing connection's breaker
        provider.verify(3, postRequestedFor(urlEqualTo("/call")).withHeader("Authorization", equalTo("Bearer failing-key")));
        assertEquals("provider_unavailable", failed(first).get("reason").asText());

        String second = dial(failing, null, Map.of());
        // the fourth attempt fills the window: the breaker opens and ends the retries
        provider.verify(4, postRequestedFor(urlEqualTo("/call")).withHeader("Authorization", equalTo("Bearer failing-key")));
        assertEquals("provider_unavailable", failed(second).get("reason").asText());

        String third = dial(failing, null, Map.of());
        provider.verify(4, postRequestedFor(urlEqualTo("/call")).withHeader("Authorization", equalTo("Bearer failing-key")));
        assertTrue(failed(third).get("detail").asText().contains("circuit breaker open"));

        String other = dial(healthy, null, Map.of());
        provider.verify(1, postRequestedFor(urlEqualTo("/call")).withHeader("Authorization", equalTo("Bearer healthy-key")));
        assertEquals("ok-1", call(other).get("provider_call_id").asText());
    }

    @Test
    void aBadRequestFailsProviderRejectedAtOnceWithoutRetry() {
        Agent agent = agent(Provider.BOLNA, "bolna-key", "agent_bolna", null);
        provider.stubFor(post("/call").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"recipient_phone_number is not callable\"}")));

        String dialRequest = dial(agent, FROM, Map.of());

        provider.verify(1, postRequestedFor(urlEqualTo("/call")));
        JsonNode failed = failed(dialRequest);
        assertEquals("provider_rejected", failed.get("reason").asText());
        assertTrue(failed.get("detail").asText().contains("not callable"));
        assertEquals("bolna", failed.get("provider").asText());
        JsonNode call = call(dialRequest);
        assertEquals("failed", call.get("status").asText());
        assertEquals(failed.get("callId").asText(), call.get("id").asText());
    }

    @Test
    void aRequestPastNotAfterIsAnsweredDialExpiredAndNothingIsDialed() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", "pn_vapi_1");
        String dialRequest = UUID.randomUUID() + ":2";

        consumer.handle(event(request(agent, dialRequest, null, Map.of(), Instant.now().minusSeconds(1))));

        provider.verify(0, postRequestedFor(urlEqualTo("/call")));
        assertEquals(0L, count("SELECT count(*) FROM call WHERE tenant_id = ?1"));
        JsonNode expired = lastEvent("io.switchboard.dial.expired.v1");
        assertEquals(dialRequest, expired.get("dialRequestId").asText());
        assertEquals(2, expired.get("attempt").asInt());
    }

    @Test
    void anUnknownAgentFailsUnknownAgentWithoutAProviderRequest() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", "pn_vapi_1");
        agent.id = UUID.randomUUID(); // not in this tenant

        String dialRequest = dial(agent, null, Map.of());

        provider.verify(0, postRequestedFor(urlEqualTo("/call")));
        assertEquals("unknown_agent", failed(dialRequest).get("reason").asText());
        assertEquals("failed", call(dialRequest).get("status").asText());
    }

    @Test
    void aDisabledConnectionFailsConnectionDisabledWithoutAProviderRequest() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", "pn_vapi_1");
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(
                () -> connections.setEnabled(tenant, agent.connectionId, false)));

        String dialRequest = dial(agent, null, Map.of());

        provider.verify(0, postRequestedFor(urlEqualTo("/call")));
        assertEquals("connection_disabled", failed(dialRequest).get("reason").asText());
    }

    @Test
    void aVapiNumberWithoutItsPhoneNumberIdFailsInvalidNumber() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", null);

        String dialRequest = dial(agent, null, Map.of());

        provider.verify(0, postRequestedFor(urlEqualTo("/call")));
        assertEquals("invalid_number", failed(dialRequest).get("reason").asText());
    }

    // ---- unknown outcomes and the webhook race

    @Test
    void aTimedOutDialIsNotRepeatedAndAWebhookWithOurCallIdAttachesItAndAnswersTheRequest() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", "pn_vapi_1");
        provider.stubFor(post("/call").willReturn(aResponse().withStatus(201).withFixedDelay(2_500)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"vapi-slow\"}")));

        String dialRequest = dial(agent, null, Map.of());

        provider.verify(1, postRequestedFor(urlEqualTo("/call")));
        JsonNode call = call(dialRequest);
        assertEquals("queued", call.get("status").asText());
        assertEquals(0L, outbox("io.switchboard.call.initiated.v1") + outbox("io.switchboard.call.failed.v1"));

        // the provider did place it: its first webhook names our call id in the metadata we sent
        ProcessingResult ringing = processor.process(new VerifiedDelivery(tenant, UUID.fromString(call.get("connection_id").asText()),
                "vapi", "", "application/json", ("{\"message\":{\"type\":\"status-update\",\"status\":\"ringing\","
                        + "\"call\":{\"id\":\"vapi-slow\",\"type\":\"outboundPhoneCall\",\"metadata\":{\"switchboardCallId\":\""
                        + call.get("id").asText() + "\"}}}}").getBytes(StandardCharsets.UTF_8), Map.of(), Instant.now()));

        assertEquals(call.get("id").asText(), ringing.callId().toString());
        JsonNode attached = call(dialRequest);
        assertEquals("vapi-slow", attached.get("provider_call_id").asText());
        assertEquals("ringing", attached.get("status").asText());
        assertEquals(dialRequest, lastEvent("io.switchboard.call.initiated.v1").get("dialRequestId").asText());
        assertEquals(1L, count("SELECT count(*) FROM call WHERE tenant_id = ?1"));
    }

    @Test
    void aDialWhoseOutcomeStaysUnknownIsAnsweredOutcomeUnknownByTheStuckCallReconciler() {
        Agent agent = agent(Provider.VAPI, "vapi-key", "asst_123", "pn_vapi_1");
        provider.stubFor(post("/call").willReturn(aResponse().withStatus(504)));

        String dialRequest = dial(agent, null, Map.of());

        provider.verify(1, postRequestedFor(urlEqualTo("/call")));
        JsonNode call = call(dialRequest);
        assertEquals("queued", call.get("status").asText());
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("UPDATE call SET created_at = ?1 WHERE tenant_id = ?2")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minusHours(7)).setParameter(2, tenant).executeUpdate()));

        reconciler.reconcile(Instant.now());

        JsonNode failed = failed(dialRequest);
        assertEquals("outcome_unknown", failed.get("reason").asText());
        assertEquals(call.get("id").asText(), failed.get("callId").asText());
        assertEquals("failed", call(dialRequest).get("status").asText());
    }

    @Test
    void aTwilioCallbackThatOutranTheRecordingOfTheSidKeepsOneCallForTheDialRequest() {
        Agent agent = agent(Provider.TWILIO, "auth-token", "AP0123456789abcdef0123456789abcdef", null);
        String calls = "/2010-04-01/Accounts/AC11111111111111111111111111111111/Calls.json";
        provider.stubFor(post(calls).willReturn(aResponse().withStatus(504)));
        String dialRequest = dial(agent, null, Map.of());
        JsonNode queued = call(dialRequest);
        UUID connection = UUID.fromString(queued.get("connection_id").asText());
        // Twilio's ringing callback (it echoes none of our ids) arrives first and makes a call of its own
        String sid = "CA00000000000000000000000000000009";
        ProcessingResult early = processor.process(new VerifiedDelivery(tenant, connection, "twilio", "status",
                "application/x-www-form-urlencoded", ("CallSid=" + sid + "&CallStatus=ringing&Direction=outbound-api&To=%2B14155550123"
                        + "&From=%2B14155550100&SequenceNumber=0").getBytes(StandardCharsets.UTF_8), Map.of(), Instant.now()));
        DialPlan plan = new DialPlan(tenant, UUID.fromString(queued.get("id").asText()), dialRequest, null, null, agent.id,
                new ProviderDial(TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(
                        () -> connections.credentials(tenant, connection).orElseThrow())), UUID.fromString(queued.get("id").asText()),
                        dialRequest, agent.providerAgentId, TO, FROM, null, Map.of(), null));

        TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(() -> outboundCalls.recordAccepted(plan, Provider.TWILIO, sid, Instant.now()));
            return null;
        });

        JsonNode real = call(dialRequest);
        assertEquals(early.callId().toString(), real.get("id").asText());
        assertEquals(sid, real.get("provider_call_id").asText());
        assertEquals(agent.id.toString(), real.get("agent_id").asText());
        assertEquals(dialRequest, lastEvent("io.switchboard.call.initiated.v1").get("dialRequestId").asText());
        assertEquals("canceled", row("SELECT to_jsonb(c) FROM call c WHERE tenant_id = ?1 AND id = '" + queued.get("id").asText()
                + "'").get("status").asText());
    }

    // ---- fixtures

    private Agent agent(Provider kind, String apiKey, String providerAgentId, String numberSid) {
        String accountSid = kind == Provider.TWILIO ? "AC11111111111111111111111111111111" : null;
        UUID connection = TenantScope.call(tenant, () -> connections.create(tenant, new CreateConnectionRequest(kind,
                kind.wire(), kind == Provider.BOLNA ? null : "webhook-secret", apiKey, accountSid,
                kind == Provider.BOLNA ? List.of("127.0.0.1") : null, provider.baseUrl()))).id();
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.tenantId = tenant;
        agent.name = "Outbound agent";
        agent.connectionId = connection;
        agent.providerAgentId = providerAgentId;
        agent.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        agent.updatedAt = agent.createdAt;
        PhoneNumber number = new PhoneNumber();
        number.id = UUID.randomUUID();
        number.tenantId = tenant;
        number.e164 = FROM;
        number.connectionId = connection;
        number.providerSid = numberSid;
        number.agentId = agent.id;
        number.timeZone = "America/Los_Angeles";
        number.createdAt = agent.createdAt;
        number.updatedAt = agent.createdAt;
        TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                long numbers = em.createQuery("select count(n) from PhoneNumber n where n.tenantId = ?1", Long.class)
                        .setParameter(1, tenant).getSingleResult();
                // the first agent's number is FROM, a second agent of the same test gets the next one
                number.e164 = numbers == 0 ? FROM : "+141555501" + (10 + numbers);
                em.persist(agent);
                em.persist(number);
            });
            return null;
        });
        return agent;
    }

    private DialRequestedV1 request(Agent agent, String dialRequestId, String from, Map<String, String> variables, Instant notAfter) {
        String queueItem = dialRequestId.substring(0, dialRequestId.indexOf(':'));
        return new DialRequestedV1(dialRequestId, queueItem, Integer.parseInt(dialRequestId.substring(dialRequestId.indexOf(':') + 1)),
                "campaign", UUID.randomUUID().toString(), UUID.randomUUID().toString(), agent.id.toString(), TO, from,
                variables, notAfter, Instant.now());
    }

    private byte[] event(DialRequestedV1 request) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.DIAL_REQUESTED, "campaigns-service", tenant, request));
    }

    /** Delivers one fresh dial request for the agent and returns its dial request id. */
    private String dial(Agent agent, String from, Map<String, String> variables) {
        String dialRequest = UUID.randomUUID() + ":1";
        consumer.handle(event(request(agent, dialRequest, from, variables, Instant.now().plusSeconds(600))));
        return dialRequest;
    }

    private void assertInitiated(JsonNode call, String providerName, String providerCallId, String dialRequest) {
        assertEquals("initiated", call.get("status").asText());
        assertEquals("outbound", call.get("direction").asText());
        assertEquals(providerName, call.get("provider").asText());
        assertEquals(providerCallId, call.get("provider_call_id").asText());
        assertEquals(dialRequest, call.get("dial_request_id").asText());
        JsonNode initiated = lastEvent("io.switchboard.call.initiated.v1");
        assertEquals(call.get("id").asText(), initiated.get("callId").asText());
        assertEquals(dialRequest, initiated.get("dialRequestId").asText());
        assertEquals(providerCallId, initiated.get("providerCallId").asText());
        assertEquals(0L, outbox("io.switchboard.call.failed.v1"));
    }

    private JsonNode onlyCall() {
        assertEquals(1L, count("SELECT count(*) FROM call WHERE tenant_id = ?1"));
        return row("SELECT to_jsonb(c) FROM call c WHERE tenant_id = ?1");
    }

    private JsonNode call(String dialRequest) {
        return row("SELECT to_jsonb(c) FROM call c WHERE tenant_id = ?1 AND dial_request_id = '" + dialRequest + "'");
    }

    /** The call.failed answering the dial request (exactly one). */
    private JsonNode failed(String dialRequest) {
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.failed.v1'"
                + " AND cloud_event::jsonb -> 'data' ->> 'dialRequestId' = '" + dialRequest + "'"));
        return row("SELECT cloud_event::jsonb -> 'data' FROM outbox_event WHERE tenant_id = ?1"
                + " AND event_type = 'io.switchboard.call.failed.v1' AND cloud_event::jsonb -> 'data' ->> 'dialRequestId' = '"
                + dialRequest + "'");
    }

    private JsonNode lastEvent(String type) {
        return row("SELECT cloud_event::jsonb -> 'data' FROM outbox_event WHERE tenant_id = ?1 AND event_type = '" + type
                + "' ORDER BY seq DESC LIMIT 1");
    }

    private long outbox(String type) {
        return count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = '" + type + "'");
    }

    private long count(String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }

    private JsonNode row(String sql) {
        Object json = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST((" + sql + ") AS text)").setParameter(1, tenant).getSingleResult()));
        assertTrue(json != null, "no row for " + sql);
        return Payloads.object(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
