package io.switchboard.calls.webhook.vapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.Fixtures;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.Normalization;
import io.switchboard.calls.webhook.NormalizedEvent;

class VapiNormalizerTest {

    private final VapiNormalizer normalizer = new VapiNormalizer();

    @Test
    void endOfCallReportCarriesAnalysisTranscriptRecordingAndCost() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("vapi", "outbound-completed/04-end-of-call-report.json")).event();
        assertEquals("c6b4f1a2-9d3e-4b8a-a1f0-5e2d7c9b3a41", e.providerCallId());
        assertEquals("c6b4f1a2-9d3e-4b8a-a1f0-5e2d7c9b3a41/end-of-call-report", e.eventIdentity());
        assertEquals(CallStatus.COMPLETED, e.status());
        assertEquals(CallDirection.OUTBOUND, e.direction());
        assertEquals("+14155550100", e.fromNumber());
        assertEquals("+14155550123", e.toNumber());
        assertEquals("asst_8d3f2b1a-7c6e-4d5f-9a8b-1c2d3e4f5a6b", e.providerAgentId());
        assertEquals("customer-ended-call", e.endedReason());
        assertEquals(Disposition.ANSWERED_HUMAN, e.disposition());
        assertEquals(0, new BigDecimal("0.1234").compareTo(e.cost()));
        assertEquals(93, e.durationSeconds());
        assertEquals(Instant.parse("2026-11-21T15:04:05Z"), e.startedAt());
        assertEquals("The customer confirmed the Tuesday 10:00 appointment.", e.summary());
        assertEquals("true", e.successEvaluation());
        assertEquals(Boolean.TRUE, e.structuredData().get("appointment_confirmed"));
        assertEquals("positive", e.sentiment());
        assertEquals(4, e.transcriptTurns().size());
        assertEquals("agent", e.transcriptTurns().get(0).role());
        assertEquals(3.1, e.transcriptTurns().get(1).secondsFromStart());
        assertTrue(e.transcriptText().contains("Tuesday at 10"));
        assertTrue(e.recordingUrl().endsWith("-mono.wav"));
    }

    @Test
    void statusUpdatesMapToTheStatusMachineAndEndedUsesTheEndedReason() {
        assertEquals(CallStatus.RINGING, status("outbound-completed/01-status-update-ringing.json"));
        assertEquals(CallStatus.IN_PROGRESS, status("outbound-completed/02-status-update-in-progress.json"));
        assertEquals(CallStatus.COMPLETED, status("outbound-completed/03-status-update-ended.json"));
    }

    @Test
    void voicemailEndedReasonIsTheVoicemailDisposition() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("vapi", "outbound-voicemail/02-end-of-call-report.json")).event();
        assertEquals(Disposition.VOICEMAIL, e.disposition());
        assertEquals(CallStatus.COMPLETED, e.status());
    }

    @Test
    void otherServerMessagesAreIgnoredWithTheirType() {
        Normalization transcript = normalizer.normalize(Fixtures.delivery("vapi", "other/transcript.json"));
        assertTrue(transcript.ignored());
        assertEquals("transcript", transcript.providerEventType());
        assertTrue(normalizer.normalize(Fixtures.delivery("vapi", "other/speech-update.json")).ignored());
    }

    @Test
    void aMessageWithoutCallIdIsMalformedNamingTheField() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class, () -> normalizer.normalize(
                Fixtures.body("vapi", "", "{\"message\":{\"type\":\"end-of-call-report\",\"call\":{}}}")));
        assertEquals("call.id: is required", e.getMessage());
        assertThrows(MalformedPayloadException.class, () -> normalizer.normalize(Fixtures.body("vapi", "", "{not json")));
        assertThrows(MalformedPayloadException.class, () -> normalizer.normalize(Fixtures.body("vapi", "", "[1]")));
    }

    @Test
    void mappingTableOfEndedReasons() {
        assertEquals(Disposition.ANSWERED_HUMAN, VapiNormalizer.disposition("assistant-said-end-call-phrase"));
        assertEquals(Disposition.TRANSFERRED, VapiNormalizer.disposition("assistant-forwarded-call"));
        assertEquals(Disposition.HUNG_UP, VapiNormalizer.disposition("silence-timed-out"));
        assertEquals(Disposition.BUSY, VapiNormalizer.disposition("customer-busy"));
        assertEquals(Disposition.NO_ANSWER, VapiNormalizer.disposition("customer-did-not-answer"));
        assertEquals(Disposition.CANCELED, VapiNormalizer.disposition("manually-canceled"));
        assertEquals(Disposition.FAILED, VapiNormalizer.disposition("pipeline-error-openai-llm-failed"));
        assertEquals(CallStatus.NO_ANSWER, VapiNormalizer.terminalStatus("customer-did-not-answer"));
        assertEquals(CallStatus.FAILED, VapiNormalizer.terminalStatus("twilio-failed-to-connect-call"));
    }

    private CallStatus status(String file) {
        return normalizer.normalize(Fixtures.delivery("vapi", file)).event().status();
    }

    @Test
    void aPhoneCallOverTwilioNamesItsCallSidAndAnyOtherTelephonyNone() throws Exception {
        String report = Files.readString(Fixtures.root().resolve("vapi/outbound-completed/04-end-of-call-report.json"));
        assertNull(normalizer.normalize(Fixtures.body("vapi", "", report)).event().telephonyCallSid());
        String overTwilio = report.replace("\"type\": \"outboundPhoneCall\",",
                "\"type\": \"inboundPhoneCall\", \"phoneCallProvider\": \"twilio\", \"phoneCallProviderId\": \"CA0123\",");
        assertEquals("CA0123", normalizer.normalize(Fixtures.body("vapi", "", overTwilio)).event().telephonyCallSid());
        assertNull(normalizer.normalize(Fixtures.body("vapi", "", overTwilio.replace("\"twilio\"", "\"vonage\""))).event()
                .telephonyCallSid());
    }
}
