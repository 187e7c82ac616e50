package io.switchboard.calls.webhook.bolna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.Fixtures;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.NormalizedEvent;

class BolnaNormalizerTest {

    private final BolnaNormalizer normalizer = new BolnaNormalizer();

    @Test
    void progressStatusesMapToTheStatusMachine() {
        assertEquals(CallStatus.QUEUED, status("outbound-completed/01-queued.json"));
        assertEquals(CallStatus.INITIATED, status("outbound-completed/02-initiated.json"));
        assertEquals(CallStatus.RINGING, status("outbound-completed/03-ringing.json"));
        assertEquals(CallStatus.IN_PROGRESS, status("outbound-completed/04-in-progress.json"));
    }

    @Test
    void completedExecutionCarriesTranscriptExtractedDataRecordingAndCostInDollars() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("bolna", "outbound-completed/06-completed.json")).event();
        assertEquals("4c06b4d1-4096-4561-919a-4f94539c8d4a", e.providerCallId());
        assertEquals(CallStatus.COMPLETED, e.status());
        assertEquals(CallDirection.OUTBOUND, e.direction());
        assertEquals("+14155550127", e.toNumber());
        assertEquals(Disposition.ANSWERED_HUMAN, e.disposition());
        assertEquals("Call recipient hungup", e.endedReason());
        assertEquals(0, new BigDecimal("0.115").compareTo(e.cost()));
        assertEquals(94, e.durationSeconds());
        assertEquals(3, e.transcriptTurns().size());
        assertEquals("user", e.transcriptTurns().get(1).role());
        assertEquals(Boolean.TRUE, e.structuredData().get("do_not_call"));
        assertTrue(e.recordingUrl().endsWith(".mp3"));
    }

    @Test
    void completedWithoutConversationIsNoAnswerAndWithVoicemailIsVoicemail() {
        assertEquals(Disposition.NO_ANSWER, BolnaNormalizer.disposition("completed", false, 0));
        assertEquals(CallStatus.NO_ANSWER, BolnaNormalizer.status("completed", false, 0));
        assertEquals(Disposition.VOICEMAIL, BolnaNormalizer.disposition("completed", true, 12));
        assertEquals(Disposition.BUSY, BolnaNormalizer.disposition("busy", false, null));
        assertEquals(Disposition.CANCELED, BolnaNormalizer.disposition("stopped", false, null));
        assertEquals(Disposition.FAILED, BolnaNormalizer.disposition("balance-low", false, null));
    }

    @Test
    void progressEventsCarryNoCostOrDisposition() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("bolna", "outbound-completed/04-in-progress.json")).event();
        assertNull(e.cost());
        assertNull(e.disposition());
    }

    @Test
    void anExecutionWithoutIdIsMalformed() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> normalizer.normalize(Fixtures.body("bolna", "", "{\"status\":\"completed\"}")));
        assertEquals("id: is required", e.getMessage());
    }

    private CallStatus status(String file) {
        return normalizer.normalize(Fixtures.delivery("bolna", file)).event().status();
    }

    @Test
    void anExecutionOverTwilioNamesItsCallSidAndOverAnotherTelephonyNone() throws Exception {
        assertEquals("CA55555555555555555555555555555555",
                normalizer.normalize(Fixtures.delivery("bolna", "outbound-completed/06-completed.json")).event().telephonyCallSid());
        String plivo = Files.readString(Fixtures.root().resolve("bolna/outbound-completed/06-completed.json"))
                .replace("\"provider\": \"twilio\"", "\"provider\": \"plivo\"");
        assertNull(normalizer.normalize(Fixtures.body("bolna", "", plivo)).event().telephonyCallSid());
    }
}
