package io.switchboard.calls.webhook.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.Fixtures;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.NormalizedEvent;

class TwilioNormalizerTest {

    private final TwilioNormalizer normalizer = new TwilioNormalizer();

    @Test
    void completedStatusCallbackCarriesDurationRecordingAndAHumanDisposition() {
        NormalizedEvent e = normalizer.normalize(Fixtures.delivery("twilio", "outbound-completed/04-status-completed.form")).event();
        assertEquals("CA5f8e4a3b2c1d0e9f8a7b6c5d4e3f2a1b", e.providerCallId());
        assertEquals(CallStatus.COMPLETED, e.status());
        assertEquals(CallDirection.OUTBOUND, e.direction());
        assertEquals("+14155550100", e.fromNumber());
        assertEquals("+14155550123", e.toNumber());
        assertEquals(93, e.durationSeconds());
        assertEquals(3L, e.sequence());
        assertEquals(Instant.parse("2026-11-21T15:05:38Z"), e.occurredAt());
        assertEquals(Instant.parse("2026-11-21T15:05:38Z"), e.endedAt());
        assertEquals(Disposition.ANSWERED_HUMAN, e.disposition());
        assertEquals(91, e.recordingDurationSeconds());
        assertTrue(e.recordingUrl().startsWith("https://api.twilio.com/"));
        assertEquals("completed", e.raw().get("CallStatus").asText());
    }

    @Test
    void eachProgressEventHasItsOwnIdentityAndARetryRepeatsIt() {
        NormalizedEvent ringing = normalizer.normalize(Fixtures.delivery("twilio", "outbound-completed/02-status-ringing.form")).event();
        NormalizedEvent again = normalizer.normalize(Fixtures.delivery("twilio", "outbound-completed/02-status-ringing.form")).event();
        NormalizedEvent answered = normalizer.normalize(Fixtures.delivery("twilio", "outbound-completed/03-status-in-progress.form")).event();
        assertEquals(ringing.eventIdentity(), again.eventIdentity());
        assertNotEquals(ringing.eventIdentity(), answered.eventIdentity());
        assertEquals(CallStatus.RINGING, ringing.status());
        assertEquals(CallStatus.IN_PROGRESS, answered.status());
        assertEquals(answered.occurredAt(), answered.startedAt());
    }

    @Test
    void inboundVoiceWebhookIsAnInboundRingingCallAndVoicemailIsDetectedFromAnsweredBy() {
        NormalizedEvent voice = normalizer.normalize(Fixtures.delivery("twilio", "inbound-voicemail/01-voice.form")).event();
        assertEquals(CallDirection.INBOUND, voice.direction());
        assertEquals(CallStatus.RINGING, voice.status());
        assertEquals("+14155550177", voice.fromNumber());
        NormalizedEvent done = normalizer.normalize(Fixtures.delivery("twilio", "inbound-voicemail/02-status-completed.form")).event();
        assertEquals(Disposition.VOICEMAIL, done.disposition());
        assertEquals("completed/machine_end_beep", done.endedReason());
    }

    @Test
    void busyIsTerminalWithTheBusyDisposition() {
        NormalizedEvent busy = normalizer.normalize(Fixtures.delivery("twilio", "outbound-busy/03-status-busy.form")).event();
        assertEquals(CallStatus.BUSY, busy.status());
        assertEquals(Disposition.BUSY, busy.disposition());
    }

    @Test
    void aBodyWithoutCallSidIsMalformedNamingTheField() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> normalizer.normalize(Fixtures.body("twilio", "status", "CallStatus=ringing&From=%2B14155550100")));
        assertTrue(e.getMessage().startsWith("CallSid"));
    }

    @Test
    void anUnknownSubpathIsIgnored() {
        assertTrue(normalizer.normalize(Fixtures.body("twilio", "fallback", "CallSid=CA1")).ignored());
    }

    @Test
    void nonE164NumbersAreDroppedNotGuessed() {
        NormalizedEvent e = normalizer.normalize(Fixtures.body("twilio", "status",
                "CallSid=CA1&CallStatus=ringing&From=client%3Aalice&To=%2B14155550123")).event();
        assertNull(e.fromNumber());
        assertEquals("+14155550123", e.toNumber());
    }

    @Test
    void mappingTableCoversEveryTerminalCallStatus() {
        assertEquals(Disposition.ANSWERED_HUMAN, TwilioNormalizer.disposition("completed", null));
        assertEquals(Disposition.ANSWERED_HUMAN, TwilioNormalizer.disposition("completed", "human"));
        assertEquals(Disposition.VOICEMAIL, TwilioNormalizer.disposition("completed", "machine_end_silence"));
        assertEquals(Disposition.MACHINE, TwilioNormalizer.disposition("completed", "machine_start"));
        assertEquals(Disposition.MACHINE, TwilioNormalizer.disposition("completed", "fax"));
        assertEquals(Disposition.BUSY, TwilioNormalizer.disposition("busy", null));
        assertEquals(Disposition.NO_ANSWER, TwilioNormalizer.disposition("no-answer", null));
        assertEquals(Disposition.CANCELED, TwilioNormalizer.disposition("canceled", null));
        assertEquals(Disposition.FAILED, TwilioNormalizer.disposition("failed", null));
    }
}
