package io.switchboard.simulator.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.security.RequestValidator;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.simulator.Sim;

/**
 * Each provider's webhook sequence reaches the platform in order, authenticated the way calls-service verifies it
 * (Twilio with the SDK's RequestValidator, the HMAC schemes recomputed here), with the payload fields its normalizer
 * reads: the ids and metadata our adapter sent, the ended reason, and the analysis.
 */
@QuarkusTest
class WebhookSequenceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CALL_ID = "8a4f2c1e-0000-4000-8000-000000000001";

    @BeforeEach
    void accounts() {
        Sim.fresh();
        Dial.accounts();
    }

    @Test
    void twilioSendsTheRequestedStatusCallbacksSignedForTheSdksRequestValidator() {
        String sid = Dial.call("twilio", "+14155550123");
        Sim.settled();
        List<LoggedRequest> received = Sim.received(Dial.path("twilio"));
        assertEquals(List.of("ringing", "in-progress", "completed"), received.stream().map(r -> form(r).get("CallStatus")).toList());
        RequestValidator validator = new RequestValidator("auth-token");
        for (LoggedRequest request : received) {
            Map<String, String> form = form(request);
            assertTrue(validator.validate(request.getAbsoluteUrl(), form, request.getHeader("X-Twilio-Signature")), form.toString());
            assertEquals(sid, form.get("CallSid"));
            assertEquals(Dial.AC, form.get("AccountSid"));
            assertEquals("+14155550123", form.get("To"));
        }
        Map<String, String> completed = form(received.get(2));
        assertEquals("human", completed.get("AnsweredBy"));
        assertTrue(Integer.parseInt(completed.get("CallDuration")) >= 20, completed.toString());
        assertEquals(List.of("0", "1", "2"), received.stream().map(r -> form(r).get("SequenceNumber")).toList());
    }

    @Test
    void twilioSignatureWithAnotherTokenDoesNotValidate() {
        Dial.call("twilio", "+14155550123");
        Sim.settled();
        LoggedRequest first = Sim.received(Dial.path("twilio")).get(0);
        assertEquals(false, new RequestValidator("another-token").validate(first.getAbsoluteUrl(), form(first),
                first.getHeader("X-Twilio-Signature")));
    }

    @Test
    void vapiSendsStatusUpdatesThenTheEndOfCallReportWithTheDoNotCallRequest() throws Exception {
        Sim.configure(Sim.settings("answered", 0, 1, 0, 0));
        String id = Dial.call("vapi", "+14155550123");
        Sim.settled();
        List<LoggedRequest> received = Sim.received(Dial.path("vapi"));
        List<JsonNode> messages = received.stream().map(r -> json(r).get("message")).toList();
        assertEquals(List.of("status-update:ringing", "status-update:in-progress", "status-update:ended", "end-of-call-report"),
                messages.stream().map(m -> m.get("type").asText() + (m.has("status") ? ":" + m.get("status").asText() : "")).toList());
        for (LoggedRequest request : received) {
            assertEquals("vapi-secret", request.getHeader("X-Vapi-Secret"));
        }
        JsonNode report = messages.get(3);
        assertEquals(id, report.at("/call/id").asText());
        assertEquals(CALL_ID, report.at("/call/metadata/switchboardCallId").asText());
        assertEquals("outboundPhoneCall", report.at("/call/type").asText());
        assertEquals("+14155550123", report.at("/customer/number").asText());
        assertEquals("customer-ended-call", report.get("endedReason").asText());
        assertTrue(report.at("/analysis/structuredData/do_not_call").asBoolean());
        assertEquals("negative", report.at("/analysis/structuredData/sentiment").asText());
        assertTrue(report.at("/artifact/transcript").asText().contains("Please stop calling me"));
        assertTrue(report.at("/artifact/messages").size() >= 2);
        assertTrue(report.get("durationSeconds").asInt() >= 20);
    }

    @Test
    void vapiBusyCallEndsWithCustomerBusyAndNoInProgress() {
        Sim.configure(Sim.settings("busy", 0, 0, 0, 0));
        Dial.call("vapi", "+14155550123");
        Sim.settled();
        List<JsonNode> messages = Sim.received(Dial.path("vapi")).stream().map(r -> json(r).get("message")).toList();
        assertEquals(List.of("ringing", "ended", "-"), messages.stream().map(m -> m.path("status").asText("-")).toList());
        assertEquals("customer-busy", messages.get(2).get("endedReason").asText());
    }

    @Test
    void retellSendsStartedEndedAnalyzedSignedWithTheApiKeyAndAskingForACallback() {
        Sim.configure(Sim.settings("answered", 1, 0, 0, 0));
        String id = Dial.call("retell", "+14155550123");
        Sim.settled();
        List<LoggedRequest> received = Sim.received(Dial.path("retell"));
        assertEquals(List.of("call_started", "call_ended", "call_analyzed"), received.stream().map(r -> json(r).get("event").asText()).toList());
        for (LoggedRequest request : received) {
            Map<String, String> header = pairs(request.getHeader("X-Retell-Signature"));
            long ms = Long.parseLong(header.get("v"));
            assertTrue(Math.abs(ms - Instant.now().toEpochMilli()) < 60_000, "timestamp near now: " + ms);
            assertEquals(hmacSha256("retell-key", request.getBody(), header.get("v").getBytes(StandardCharsets.UTF_8)), header.get("d"));
        }
        JsonNode analyzed = json(received.get(2)).get("call");
        assertEquals(id, analyzed.get("call_id").asText());
        assertEquals(CALL_ID, analyzed.at("/metadata/switchboardCallId").asText());
        assertEquals("user_hangup", analyzed.get("disconnection_reason").asText());
        assertTrue(analyzed.at("/call_analysis/custom_analysis_data/callback_requested").asBoolean());
        String local = analyzed.at("/call_analysis/custom_analysis_data/callback_local").asText();
        assertTrue(local.matches("\\d{4}-\\d{2}-\\d{2}T(09|1[0-7]):(00|30)"), local);
        assertEquals("Neutral", analyzed.at("/call_analysis/user_sentiment").asText());
    }

    @Test
    void elevenLabsSendsOnePostCallTranscriptionSignedOverTimestampDotBody() {
        String id = Dial.call("elevenlabs", "+14155550123");
        Sim.settled();
        List<LoggedRequest> received = Sim.received(Dial.path("elevenlabs"));
        assertEquals(1, received.size());
        LoggedRequest request = received.get(0);
        Map<String, String> header = pairs(request.getHeader("ElevenLabs-Signature"));
        assertEquals(hmacSha256("el-secret", (header.get("t") + ".").getBytes(StandardCharsets.UTF_8), request.getBody()), header.get("v0"));
        JsonNode body = json(request);
        assertEquals("post_call_transcription", body.get("type").asText());
        assertEquals(id, body.at("/data/conversation_id").asText());
        assertEquals(CALL_ID, body.at("/data/conversation_initiation_client_data/dynamic_variables/switchboard_call_id").asText());
        assertEquals("outbound", body.at("/data/metadata/phone_call/direction").asText());
        assertEquals("+14155550123", body.at("/data/metadata/phone_call/external_number").asText());
        assertTrue(body.at("/data/analysis/data_collection_results/appointment_confirmed/value").asBoolean());
        assertEquals("success", body.at("/data/analysis/call_successful").asText());
    }

    @Test
    void elevenLabsNoAnswerIsACallInitiationFailure() {
        Sim.configure(Sim.settings("noAnswer", 0, 0, 0, 0));
        Dial.call("elevenlabs", "+14155550123");
        Sim.settled();
        JsonNode body = json(Sim.received(Dial.path("elevenlabs")).get(0));
        assertEquals("call_initiation_failure", body.get("type").asText());
        assertEquals("no-answer", body.at("/data/failure_reason").asText());
    }

    @Test
    void bolnaPostsTheExecutionAtEachStatusWithTheSharedToken() {
        Sim.configure(Sim.settings("voicemail", 0, 0, 0, 0));
        String id = Dial.call("bolna", "+14155550123");
        Sim.settled();
        List<LoggedRequest> received = Sim.received(Dial.path("bolna"));
        assertEquals(List.of("initiated", "ringing", "in-progress", "call-disconnected", "completed"),
                received.stream().map(r -> json(r).get("status").asText()).toList());
        for (LoggedRequest request : received) {
            assertEquals("Bearer bolna-token", request.getHeader("Authorization"));
            assertEquals(id, json(request).get("id").asText());
        }
        JsonNode completed = json(received.get(4));
        assertTrue(completed.get("answered_by_voice_mail").asBoolean());
        assertEquals(CALL_ID, completed.at("/context_details/recipient_data/switchboard_call_id").asText());
        assertEquals("+14155550123", completed.at("/telephony_data/to_number").asText());
        assertTrue(completed.get("conversation_duration").asInt() > 0);
    }

    @Test
    void silentCallSendsNothing() {
        Sim.configure(Sim.settings("silent", 0, 0, 0, 0));
        Dial.call("vapi", "+14155550123");
        Sim.settled();
        assertEquals(0, Sim.received(Dial.path("vapi")).size());
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBody());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> pairs(String header) {
        Map<String, String> pairs = new HashMap<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            pairs.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return pairs;
    }

    static String hmacSha256(String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
