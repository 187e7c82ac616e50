package io.switchboard.calls.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.webhook.NormalizedEvent;

/** Each provider's lookup: its path and authentication, and its answer read by its own webhook normalizer. */
class ProviderCallLookupTest {

    private static WireMockServer api;
    private final ProviderCallLookup lookup = new ProviderCallLookup(Duration.ofSeconds(2));

    @BeforeAll
    static void start() {
        api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        api.start();
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @BeforeEach
    void reset() {
        api.resetAll();
    }

    @Test
    void retellIsAskedWithBearerAndAnEndedCallReadsAsItsCallEndedWebhook() throws Exception {
        api.stubFor(get("/v2/get-call/call_1").willReturn(okJson("""
                {"call_id":"call_1","call_status":"ended","disconnection_reason":"dial_no_answer","direction":"outbound",
                 "from_number":"+14155550100","to_number":"+14155550123","duration_ms":0}""")));
        NormalizedEvent event = lookup.finalEvent(connection(Provider.RETELL, "retell-key", null), "call_1", Instant.now()).orElseThrow();
        api.verify(getRequestedFor(urlEqualTo("/v2/get-call/call_1")).withHeader("Authorization", equalTo("Bearer retell-key")));
        assertEquals("no_answer", event.status().wire());
        assertEquals("call_1/call_ended", event.eventIdentity());
    }

    @Test
    void elevenLabsIsAskedWithXiApiKeyAndADoneConversationReadsAsItsPostCallTranscription() throws Exception {
        api.stubFor(get("/v1/convai/conversations/conv_1").willReturn(okJson("""
                {"conversation_id":"conv_1","agent_id":"agent_1","status":"done",
                 "metadata":{"start_time_unix_secs":1763737200,"call_duration_secs":95,"termination_reason":"end_call tool was called."},
                 "transcript":[{"role":"agent","message":"Hello","time_in_call_secs":0}]}""")));
        NormalizedEvent event = lookup.finalEvent(connection(Provider.ELEVENLABS, "xi-key", null), "conv_1", Instant.now()).orElseThrow();
        api.verify(getRequestedFor(urlEqualTo("/v1/convai/conversations/conv_1")).withHeader("xi-api-key", equalTo("xi-key")));
        assertEquals("completed", event.status().wire());
        assertEquals(95, event.durationSeconds());
        assertEquals("conv_1/post_call_transcription", event.eventIdentity());
    }

    @Test
    void bolnaIsAskedWithBearerAndItsExecutionIsReadAsItsWebhook() throws Exception {
        api.stubFor(get("/executions/exec_1").willReturn(okJson("""
                {"id":"exec_1","agent_id":"agent_1","status":"busy","updated_at":"2026-11-21T15:03:20Z",
                 "telephony_data":{"call_type":"outbound","to_number":"+14155550123"}}""")));
        NormalizedEvent event = lookup.finalEvent(connection(Provider.BOLNA, "bolna-key", null), "exec_1", Instant.now()).orElseThrow();
        api.verify(getRequestedFor(urlEqualTo("/executions/exec_1")).withHeader("Authorization", equalTo("Bearer bolna-key")));
        assertEquals("busy", event.status().wire());
    }

    @Test
    void twilioIsAskedWithBasicAuthUnderItsAccountAndACompletedCallReadsAsItsStatusCallback() throws Exception {
        api.stubFor(get("/2010-04-01/Accounts/AC123/Calls/CA456.json").willReturn(okJson("""
                {"sid":"CA456","account_sid":"AC123","status":"completed","direction":"outbound-api","from":"+14155550100",
                 "to":"+14155550123","duration":"42","end_time":"Sat, 21 Nov 2026 15:03:20 +0000","answered_by":"human"}""")));
        NormalizedEvent event = lookup.finalEvent(connection(Provider.TWILIO, "auth-token", "AC123"), "CA456", Instant.now()).orElseThrow();
        api.verify(getRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Calls/CA456.json"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("AC123", "auth-token")));
        assertEquals("completed", event.status().wire());
        assertEquals(42, event.durationSeconds());
        assertEquals(Instant.parse("2026-11-21T15:03:20Z"), event.endedAt());
    }

    @Test
    void aCallTheProviderSaysIsStillGoingHasNoFinalWordYet() throws Exception {
        api.stubFor(get("/call/vapi_1").willReturn(okJson("{\"id\":\"vapi_1\",\"status\":\"in-progress\"}")));
        api.stubFor(get("/executions/exec_2").willReturn(okJson("{\"id\":\"exec_2\",\"status\":\"in-progress\"}")));
        assertTrue(lookup.finalEvent(connection(Provider.VAPI, "k", null), "vapi_1", Instant.now()).isEmpty());
        assertTrue(lookup.finalEvent(connection(Provider.BOLNA, "k", null), "exec_2", Instant.now()).isEmpty());
    }

    @Test
    void anErrorAnUnreadableAnswerOrAnUnreachableApiIsAFailedLookup() {
        api.stubFor(get("/call/gone").willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()));
        api.stubFor(get("/call/garbled").willReturn(okJson("[1, 2")));
        ConnectionCredentials vapi = connection(Provider.VAPI, "k", null);
        assertThrows(ProviderCallLookup.LookupFailed.class, () -> lookup.finalEvent(vapi, "gone", Instant.now()));
        assertThrows(ProviderCallLookup.LookupFailed.class, () -> lookup.finalEvent(vapi, "garbled", Instant.now()));
        ConnectionCredentials nowhere = new ConnectionCredentials(UUID.randomUUID(), UUID.randomUUID(), Provider.VAPI, true,
                "s", "k", null, List.of(), "http://127.0.0.1:1");
        assertThrows(ProviderCallLookup.LookupFailed.class, () -> lookup.finalEvent(nowhere, "x", Instant.now()));
    }

    @Test
    void withoutABaseUrlTheProvidersPublicApiIsUsed() {
        ConnectionCredentials twilio = new ConnectionCredentials(UUID.randomUUID(), UUID.randomUUID(), Provider.TWILIO, true,
                "s", "k", "AC1", List.of(), null);
        assertEquals("https://api.twilio.com/2010-04-01/Accounts/AC1/Calls/CA%201.json",
                lookup.request(twilio, "CA 1").uri().toString());
        ConnectionCredentials vapi = new ConnectionCredentials(UUID.randomUUID(), UUID.randomUUID(), Provider.VAPI, true,
                "s", "k", null, List.of(), null);
        assertEquals("https://api.vapi.ai/call/a%2Fb", lookup.request(vapi, "a/b").uri().toString());
    }

    private static ConnectionCredentials connection(Provider provider, String apiKey, String accountSid) {
        return new ConnectionCredentials(UUID.randomUUID(), UUID.randomUUID(), provider, true, "secret", apiKey, accountSid,
                List.of(), api.baseUrl());
    }
}
