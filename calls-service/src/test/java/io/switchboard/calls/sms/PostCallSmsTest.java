package io.switchboard.calls.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallModel;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Signed;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.customer.CustomerDoNotContactChangedV1;
import io.switchboard.events.dnc.OptOutAddedV1;
import io.switchboard.events.dnc.OptOutRemovedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

/**
 * Post-call SMS through real PostgreSQL and the idempotent consumer, with WireMock as Twilio's REST API. The call's own
 * outbox events are fed to the consumer directly (and, concurrently, arrive through Kafka): exactly one SMS either way.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class PostCallSmsTest {

    private static final String AUTH_TOKEN = "twilio-auth-token-123";
    private static final String OURS = "+14155550100";
    private static WireMockServer twilio;

    @Inject
    CallModel model;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();
    private String accountSid;
    private UUID connection;
    private String messages;

    @BeforeAll
    static void startTwilio() {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.stop();
    }

    @BeforeEach
    void tenantWithSmsSettings() {
        accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        messages = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
        connection = Signed.connection(tenant, "{\"provider\":\"twilio\",\"name\":\"T\",\"webhookSecret\":\"" + AUTH_TOKEN
                + "\",\"accountSid\":\"" + accountSid + "\",\"apiKey\":\"" + AUTH_TOKEN + "\",\"apiBaseUrl\":\"" + twilio.baseUrl() + "\"}");
        String template = given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"thanks\",\"body\":\"Hi {caller_name}, thanks for calling! {call_summary} Call us on {agent_phone}.\"}")
                .post("/api/v1/message-templates").then().statusCode(201).body("variables", hasItem("call_summary")).extract().path("id");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"connectionId\":\"" + connection + "\",\"defaultTemplateId\":\"" + template + "\",\"fromNumber\":\"" + OURS + "\"}")
                .put("/api/v1/sms-settings").then().statusCode(200).body("smsEnabled", equalTo(true)).body("smsSkipSilent", equalTo(true));
    }

    @Test
    void oneSmsIsSentPerCallHoweverOftenItsEventsArriveAndItsStatusCallbackUpdatesIt() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        twilio.stubFor(post(messages).willReturn(okJson("{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"account_sid\":\""
                + accountSid + "\"}").withStatus(201)));
        String caller = caller();
        UUID call = completedCall(caller, "Hello, I would like to book a viewing please", "Booked a viewing for Tuesday.");

        for (int i = 0; i < 3; i++) {
            outboxEvents(call).forEach(consumer::consume);
        }
        SmsRow row = awaitRow(call, "queued");
        assertEquals(sid, row.sid());
        twilio.verify(1, postRequestedFor(urlEqualTo(messages)).withRequestBody(containing("To=" + encoded(caller)))
                .withRequestBody(containing("From=" + encoded(OURS)))
                .withRequestBody(containing("Hi+Ada%2C+thanks+for+calling%21+Booked+a+viewing+for+Tuesday.+Call+us+on+%2B14155550100.")));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.sms.sent.v1'"));
        given().header("Authorization", TestTokens.bearer(tenant)).queryParam("callId", call.toString()).get("/api/v1/sms-messages")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].providerSid", equalTo(sid))
                .body("items[0].toNumber", equalTo(caller));

        // Twilio's status callback, signed as Twilio signs it; a forged one changes nothing
        String url = Signed.PUBLIC_BASE + "/webhooks/twilio/" + connection + "/sms-status";
        Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", accountSid);
        given().header("X-Twilio-Signature", "forged").contentType("application/x-www-form-urlencoded").formParams(delivered)
                .post("/webhooks/twilio/" + connection + "/sms-status").then().statusCode(401);
        assertEquals("queued", awaitRow(call, "queued").status());
        for (int i = 0; i < 2; i++) {
            given().header("X-Twilio-Signature", Signed.twilio(AUTH_TOKEN, url, delivered)).contentType("application/x-www-form-urlencoded")
                    .formParams(delivered).post("/webhooks/twilio/" + connection + "/sms-status").then().statusCode(200);
        }
        assertEquals("delivered", awaitRow(call, "delivered").status());
    }

    @Test
    void anSmsOptOutFromContactsMeansNoSmsToThatNumber() {
        String caller = caller();
        consumer.consume(EventCodec.serialize(EventCodec.newEvent(EventCatalog.OPTOUT_ADDED, "contacts-service", tenant,
                new OptOutAddedV1(UUID.randomUUID().toString(), caller, "sms", "STOP", "sms_reply", null, Instant.now()))));
        UUID call = completedCall(caller, "Hello, I would like to book a viewing please", "Booked.");
        outboxEvents(call).forEach(consumer::consume);
        SmsRow row = awaitRow(call, "skipped");
        assertEquals("opted_out", row.skipReason());
        assertTrue(twilio.findAll(postRequestedFor(urlEqualTo(messages))).isEmpty(), "an SMS went to an opted-out number");
    }

    @Test
    void aLiftedOrVoiceOnlyOptOutStillGetsItsSmsButADoNotContactCustomerDoesNot() {
        twilio.stubFor(post(messages).willReturn(okJson("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"status\":\"queued\",\"account_sid\":\"" + accountSid + "\"}").withStatus(201)));
        String line = caller().substring(8); // three callers apart by their area code
        String voiceOnly = "+1415555" + line;
        String lifted = "+1646555" + line;
        String customer = "+1212555" + line;
        String optOut = UUID.randomUUID().toString();
        contactsEvent(EventCatalog.OPTOUT_ADDED, new OptOutAddedV1(UUID.randomUUID().toString(), voiceOnly, "voice", "no calls",
                "api", null, Instant.now()));
        contactsEvent(EventCatalog.OPTOUT_ADDED, new OptOutAddedV1(optOut, lifted, "sms", "STOP", "api", null, Instant.now()));
        contactsEvent(EventCatalog.OPTOUT_REMOVED, new OptOutRemovedV1(optOut, lifted, "sms", "api", null, Instant.now()));
        String customerId = UUID.randomUUID().toString();
        contactsEvent(EventCatalog.CUSTOMER_DO_NOT_CONTACT_CHANGED, new CustomerDoNotContactChangedV1(customerId,
                UUID.randomUUID().toString(), customer, true, "legal hold", Instant.now()));

        for (String sent : List.of(voiceOnly, lifted)) {
            UUID call = completedCall(sent, "Hello, I would like to book a viewing please", "Booked.");
            outboxEvents(call).forEach(consumer::consume);
            awaitRow(call, "queued");
            twilio.verify(1, postRequestedFor(urlEqualTo(messages)).withRequestBody(containing("To=" + encoded(sent))));
        }
        UUID blocked = completedCall(customer, "Hello, I would like to book a viewing please", "Booked.");
        outboxEvents(blocked).forEach(consumer::consume);
        assertEquals("opted_out", awaitRow(blocked, "skipped").skipReason());
        assertTrue(twilio.findAll(postRequestedFor(urlEqualTo(messages)).withRequestBody(containing("To=" + encoded(customer))))
                .isEmpty(), "an SMS went to a do-not-contact customer");
    }

    private <T extends io.switchboard.events.EventPayload> void contactsEvent(io.switchboard.events.EventType<T> type, T data) {
        consumer.consume(EventCodec.serialize(EventCodec.newEvent(type, "contacts-service", tenant, data)));
    }

    @Test
    void aTenantThatSwitchedPostCallSmsOffGetsNoSmsForACompletedAndAnalyzedCall() {
        // everything an SMS needs (connection, template, sender) but the switch
        String template = given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"off\",\"body\":\"Thanks for calling!\"}")
                .post("/api/v1/message-templates").then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"smsEnabled\":false,\"connectionId\":\"" + connection + "\",\"defaultTemplateId\":\"" + template
                        + "\",\"fromNumber\":\"" + OURS + "\"}")
                .put("/api/v1/sms-settings").then().statusCode(200).body("smsEnabled", equalTo(false));
        UUID call = completedCall(caller(), "Hello, I would like to book a viewing please", "Booked a viewing for Tuesday.");
        List<byte[]> events = outboxEvents(call);
        events.forEach(consumer::consume);
        assertTrue(events.size() >= 2, "the completed call published its events");
        assertEquals(0L, count("SELECT count(*) FROM sms_message WHERE tenant_id = ?1"));
        assertTrue(twilio.findAll(postRequestedFor(urlEqualTo(messages))).isEmpty(), "an SMS went out with SMS switched off");
    }

    @Test
    void aCallWithoutSpeechGetsNoSmsWhenSilentCallsAreSkipped() {
        UUID call = completedCall(caller(), null, "No one spoke.");
        outboxEvents(call).forEach(consumer::consume);
        assertEquals(0L, count("SELECT count(*) FROM sms_message WHERE tenant_id = ?1"));
        assertTrue(twilio.findAll(postRequestedFor(urlEqualTo(messages))).isEmpty());
    }

    @Test
    void twilioRefusingTheMessageIsLoggedAsFailedWithItsErrorAndNeverRetried() {
        twilio.stubFor(post(messages).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));
        UUID call = completedCall(caller(), "Hello, I would like to book a viewing please", "Booked.");
        outboxEvents(call).forEach(consumer::consume);
        outboxEvents(call).forEach(consumer::consume);
        SmsRow row = awaitRow(call, "failed");
        assertEquals("21211", row.errorCode());
        twilio.verify(1, postRequestedFor(urlEqualTo(messages)));
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.sms.failed.v1'"));
    }

    @Test
    void templatesRejectUnknownVariablesNamingThemAndSettingsNeedATwilioConnection() {
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"bad\",\"body\":\"Hi {caller_name}, your code is {otp}\"}").post("/api/v1/message-templates")
                .then().statusCode(400).body("errors.field", hasItem("body")).body("detail", org.hamcrest.Matchers.containsString("{otp}"));
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"thanks\",\"body\":\"Hi\"}").post("/api/v1/message-templates").then().statusCode(409);
        UUID vapi = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"V\",\"webhookSecret\":\"s\"}");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"connectionId\":\"" + vapi + "\"}").put("/api/v1/sms-settings").then().statusCode(400)
                .body("errors.field", hasItem("connectionId"));
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID())).get("/api/v1/sms-settings").then().statusCode(200)
                .body("connectionId", equalTo(null)).body("smsEnabled", equalTo(true));
    }

    @Test
    void anAgentsOwnTemplateWinsOverTheTenantDefault() {
        twilio.stubFor(post(messages).willReturn(okJson("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"status\":\"queued\",\"account_sid\":\"" + accountSid + "\"}").withStatus(201)));
        String own = given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"agent-own\",\"body\":\"{agent_name} here: see you soon, {caller_name}.\"}")
                .post("/api/v1/message-templates").then().statusCode(201).extract().path("id");
        UUID vapi = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"V\",\"webhookSecret\":\"s\"}");
        String providerAgentId = "asst_" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"Ava\",\"connectionId\":\"" + vapi + "\",\"providerAgentId\":\"" + providerAgentId
                        + "\",\"smsTemplateId\":\"" + own + "\"}")
                .post("/api/v1/agents").then().statusCode(201).body("smsTemplateId", equalTo(own));
        // another tenant's template cannot be an agent's
        String foreign = given().header("Authorization", TestTokens.bearer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"foreign\",\"body\":\"Hi\"}").post("/api/v1/message-templates").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"Bob\",\"connectionId\":\"" + vapi + "\",\"providerAgentId\":\"asst_" + UUID.randomUUID()
                        + "\",\"smsTemplateId\":\"" + foreign + "\"}")
                .post("/api/v1/agents").then().statusCode(400).body("errors.field", hasItem("smsTemplateId"));

        String caller = caller();
        UUID call = completedCall(caller, "Hello, I would like to book a viewing please", "Booked.", vapi, providerAgentId);
        outboxEvents(call).forEach(consumer::consume);
        awaitRow(call, "queued");
        twilio.verify(1, postRequestedFor(urlEqualTo(messages)).withRequestBody(containing("To=" + encoded(caller)))
                .withRequestBody(containing("Body=Ava+here%3A+see+you+soon%2C+Ada.")));
        String template = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT template_id::text FROM sms_message WHERE tenant_id = ?1 AND call_id = ?2").setParameter(1, tenant)
                .setParameter(2, call).getSingleResult().toString()));
        assertEquals(own, template);
    }

    @Test
    void anotherTenantNeitherListsNorReadsTheSmsMessages() {
        twilio.stubFor(post(messages).willReturn(okJson("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                + "\",\"status\":\"queued\",\"account_sid\":\"" + accountSid + "\"}").withStatus(201)));
        UUID call = completedCall(caller(), "Hello, I would like to book a viewing please", "Booked.");
        outboxEvents(call).forEach(consumer::consume);
        awaitRow(call, "queued");
        String id = given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/sms-messages").then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().path("items[0].id");
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/sms-messages/" + id).then().statusCode(200)
                .body("callId", equalTo(call.toString()));
        UUID stranger = UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(stranger)).get("/api/v1/sms-messages/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(stranger)).get("/api/v1/sms-messages").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().header("Authorization", TestTokens.bearer(stranger)).queryParam("callId", call.toString()).get("/api/v1/sms-messages")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    // ---- helpers

    private record SmsRow(String status, String skipReason, String sid, String errorCode) {
    }

    private SmsRow awaitRow(UUID call, String status) {
        SmsRow[] found = new SmsRow[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<?> rows = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT status, skip_reason, provider_sid, error_code FROM sms_message WHERE tenant_id = ?1 AND call_id = ?2")
                    .setParameter(1, tenant).setParameter(2, call).getResultList()));
            if (rows.size() != 1) {
                return false;
            }
            Object[] r = (Object[]) rows.get(0);
            found[0] = new SmsRow((String) r[0], (String) r[1], (String) r[2], (String) r[3]);
            return status.equals(found[0].status());
        });
        return found[0];
    }

    private UUID completedCall(String caller, String transcript, String summary) {
        return completedCall(caller, transcript, summary, null, null);
    }

    /** @param connection and providerAgentId link the call to the agent of that connection (both may be null) */
    private UUID completedCall(String caller, String transcript, String summary, UUID connection, String providerAgentId) {
        NormalizedEvent.Builder event = NormalizedEvent.builder("vapi", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "end-of-call-report").direction(CallDirection.INBOUND).fromNumber(caller).toNumber(OURS).status(CallStatus.COMPLETED)
                .summary(summary).structuredData(Map.of("caller_name", "Ada"));
        if (transcript != null) {
            event.transcriptText(transcript);
        }
        if (providerAgentId != null) {
            event.providerAgentId(providerAgentId);
        }
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew()
                .call(() -> model.applyProviderEvent(tenant, connection, event.build(), Instant.now()).callId()));
    }

    /** The call's call.completed and call.analyzed exactly as the relay publishes them. */
    private List<byte[]> outboxEvents(UUID call) {
        List<?> rows = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT cloud_event FROM outbox_event WHERE tenant_id = ?1 AND event_key = ?2
                  AND event_type IN ('io.switchboard.call.completed.v1', 'io.switchboard.call.analyzed.v1') ORDER BY created_at""")
                .setParameter(1, tenant).setParameter(2, call.toString()).getResultList()));
        assertTrue(rows.size() >= 2, "call.completed and call.analyzed are in the outbox");
        return rows.stream().map(r -> r.toString().getBytes(StandardCharsets.UTF_8)).toList();
    }

    private long count(String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }

    private static String caller() {
        return "+1415555" + String.format("%04d", (int) (Math.random() * 10000));
    }

    private static String encoded(String phone) {
        return phone.replace("+", "%2B");
    }
}
