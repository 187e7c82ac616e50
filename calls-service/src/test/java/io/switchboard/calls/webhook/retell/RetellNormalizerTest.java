package io.switchboard.calls.webhook.retell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.Fixtures;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.NormalizedEvent;

class RetellNormalizerTest {

    private final RetellNormalizer normalizer = new RetellNormalizer();

    @Test
    void callStartedIsInProgress() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("retell", "outbound-analyzed/01-call_started.json")).event();
        assertEquals(CallStatus.IN_PROGRESS, e.status());
        assertEquals(CallDirection.OUTBOUND, e.direction());
        assertEquals("Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6/call_started", e.eventIdentity());
        assertEquals(Instant.ofEpochMilli(1795359845000L), e.startedAt());
        assertNull(e.disposition());
    }

    @Test
    void callEndedCarriesReasonDurationCostInDollarsTranscriptAndRecording() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("retell", "outbound-analyzed/02-call_ended.json")).event();
        assertEquals(CallStatus.COMPLETED, e.status());
        assertEquals("user_hangup", e.endedReason());
        assertEquals(Disposition.ANSWERED_HUMAN, e.disposition());
        assertEquals(93, e.durationSeconds());
        assertEquals(0, new BigDecimal("0.70").compareTo(e.cost()));
        assertEquals(2, e.transcriptTurns().size());
        assertTrue(e.recordingUrl().endsWith("recording.wav"));
    }

    @Test
    void callAnalyzedCarriesTheAnalysis() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("retell", "outbound-analyzed/03-call_analyzed.json")).event();
        assertEquals("The customer asked to be called back tomorrow.", e.summary());
        assertEquals("Neutral", e.sentiment());
        assertEquals("false", e.successEvaluation());
        assertEquals(Boolean.TRUE, e.structuredData().get("callback_requested"));
    }

    @Test
    void otherEventsAreIgnoredAndACallWithoutIdIsMalformed() {
        assertTrue(normalizer.normalize(Fixtures.delivery("retell", "other/transcript_updated.json")).ignored());
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> normalizer.normalize(Fixtures.body("retell", "", "{\"event\":\"call_ended\",\"call\":{}}")));
        assertEquals("call_id: is required", e.getMessage());
    }

    @Test
    void mappingTableOfDisconnectionReasons() {
        assertEquals(Disposition.ANSWERED_HUMAN, RetellNormalizer.disposition("agent_hangup"));
        assertEquals(Disposition.TRANSFERRED, RetellNormalizer.disposition("call_transfer"));
        assertEquals(Disposition.VOICEMAIL, RetellNormalizer.disposition("voicemail_reached"));
        assertEquals(Disposition.MACHINE, RetellNormalizer.disposition("ivr_reached"));
        assertEquals(Disposition.HUNG_UP, RetellNormalizer.disposition("inactivity"));
        assertEquals(Disposition.BUSY, RetellNormalizer.disposition("dial_busy"));
        assertEquals(Disposition.NO_ANSWER, RetellNormalizer.disposition("dial_no_answer"));
        assertEquals(Disposition.FAILED, RetellNormalizer.disposition("error_llm_websocket_open"));
        assertEquals(CallStatus.BUSY, RetellNormalizer.terminalStatus("dial_busy"));
    }
}
