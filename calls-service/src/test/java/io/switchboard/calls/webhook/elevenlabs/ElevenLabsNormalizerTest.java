package io.switchboard.calls.webhook.elevenlabs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.Fixtures;
import io.switchboard.calls.webhook.NormalizedEvent;

class ElevenLabsNormalizerTest {

    private final ElevenLabsNormalizer normalizer = new ElevenLabsNormalizer();

    @Test
    void postCallTranscriptionIsACompletedInboundCallWithAnalysis() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("elevenlabs", "inbound-done/01-post_call_transcription.json")).event();
        assertEquals("conv_01jyx2p9dbe8sbxkz7v0r5yqsn", e.providerCallId());
        assertEquals(CallStatus.COMPLETED, e.status());
        assertEquals(CallDirection.INBOUND, e.direction());
        assertEquals("+14155550177", e.fromNumber());
        assertEquals("+14155550199", e.toNumber());
        assertEquals(95, e.durationSeconds());
        assertEquals(Instant.ofEpochSecond(1795359845L + 95), e.endedAt());
        assertEquals(Disposition.ANSWERED_HUMAN, e.disposition());
        assertEquals("success", e.successEvaluation());
        assertEquals("The caller booked a cleaning appointment.", e.summary());
        assertEquals("cleaning", e.structuredData().get("appointment_type"));
        assertEquals(2, e.transcriptTurns().size());
        assertNull(e.cost(), "ElevenLabs cost is in credits, not money");
    }

    @Test
    void postCallAudioIsKeptOnTheTimelineWithoutTheAudio() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("elevenlabs", "inbound-done/02-post_call_audio.json")).event();
        assertNull(e.status());
        assertFalse(e.raw().path("data").path("full_audio").asText().startsWith("SUQz"));
    }

    @Test
    void callInitiationFailureMapsTheFailureReason() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("elevenlabs", "outbound-busy/01-call_initiation_failure.json")).event();
        assertEquals(CallStatus.BUSY, e.status());
        assertEquals(Disposition.BUSY, e.disposition());
        assertEquals(Disposition.NO_ANSWER, ElevenLabsNormalizer.failure("no-answer"));
        assertEquals(Disposition.FAILED, ElevenLabsNormalizer.failure("unknown"));
    }

    @Test
    void terminationReasonTextMapsToTheVocabulary() {
        assertEquals(Disposition.VOICEMAIL, ElevenLabsNormalizer.termination("voicemail_detection tool was called."));
        assertEquals(Disposition.TRANSFERRED, ElevenLabsNormalizer.termination("transfer_to_number tool was called."));
        assertEquals(Disposition.ANSWERED_HUMAN, ElevenLabsNormalizer.termination("Client disconnected: 1000"));
        assertTrue(normalizer.normalize(io.switchboard.calls.webhook.Fixtures.body("elevenlabs", "",
                "{\"type\":\"workspace_event\",\"data\":{}}")).ignored());
    }

    @Test
    void aPhoneCallOverTwilioNamesItsCallSid() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("elevenlabs", "inbound-done/01-post_call_transcription.json")).event();
        assertEquals("CA33333333333333333333333333333333", e.telephonyCallSid());
    }
}
