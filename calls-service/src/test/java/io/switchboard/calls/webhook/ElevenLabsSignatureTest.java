package io.switchboard.calls.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * ElevenLabs' scheme (their webhook docs and SDK {@code constructEvent}): hex HMAC-SHA256 of "t.body", t in seconds.
 * No published vector exists; this one was computed independently with Python's hmac module:
 * {@code hmac.new(b"wsec_test_elevenlabs_secret", b"1732262400." + body, hashlib.sha256).hexdigest()}.
 */
class ElevenLabsSignatureTest {

    private static final String SECRET = "wsec_test_elevenlabs_secret";
    private static final byte[] BODY = "{\"type\":\"post_call_transcription\",\"event_timestamp\":1732262400,\"data\":{\"conversation_id\":\"conv_01\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final long SIGNED_AT = 1732262400L;
    private static final String DIGEST = "c3c35a3a04b78d99c4ba1eea95aa8cfd6d92c7a578fe7263ec182d4659d0598a";
    private static final String HEADER = "t=" + SIGNED_AT + ",v0=" + DIGEST;
    private static final Duration TOLERANCE = Duration.ofMinutes(30);
    private static final Instant NOW = Instant.ofEpochSecond(SIGNED_AT).plusSeconds(5);

    private static String verify(String secret, byte[] body, String header, Instant now) {
        Verdict verdict = ElevenLabsSignature.verify(secret, body, header, now, TOLERANCE);
        return verdict.authentic() ? "ok" : verdict.reason();
    }

    @Test
    void theComputedVectorVerifies() {
        assertEquals("ok", verify(SECRET, BODY, HEADER, NOW));
        assertEquals("ok", verify(SECRET, BODY, "v0=" + DIGEST + ",t=" + SIGNED_AT, NOW));
    }

    @Test
    void aChangedBodyIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(SECRET, "{\"type\":\"post_call_audio\"}".getBytes(StandardCharsets.UTF_8), HEADER, NOW));
    }

    @Test
    void aTimestampChangedToStayFreshIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(SECRET, BODY, "t=" + (SIGNED_AT + 60) + ",v0=" + DIGEST, NOW));
    }

    @Test
    void theWrongSecretIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify("wsec_other", BODY, HEADER, NOW));
    }

    @Test
    void aForgedOrTruncatedDigestIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(SECRET, BODY, "t=" + SIGNED_AT + ",v0=" + "0".repeat(64), NOW));
        assertEquals(Verdict.BAD_SIGNATURE, verify(SECRET, BODY, "t=" + SIGNED_AT + ",v0=" + DIGEST.substring(1), NOW));
    }

    @Test
    void staleAndFutureTimestampsAreRejected() {
        assertEquals(Verdict.STALE_TIMESTAMP, verify(SECRET, BODY, HEADER, Instant.ofEpochSecond(SIGNED_AT).plus(TOLERANCE).plusSeconds(1)));
        assertEquals(Verdict.FUTURE_TIMESTAMP, verify(SECRET, BODY, HEADER, Instant.ofEpochSecond(SIGNED_AT).minus(TOLERANCE).minusSeconds(1)));
    }

    @Test
    void aMissingOrMalformedHeaderIsRejected() {
        assertEquals(Verdict.MISSING_SIGNATURE, verify(SECRET, BODY, null, NOW));
        assertEquals(Verdict.MALFORMED_SIGNATURE, verify(SECRET, BODY, "v0=" + DIGEST, NOW));
        assertEquals(Verdict.MALFORMED_SIGNATURE, verify(SECRET, BODY, "t=" + SIGNED_AT, NOW));
        assertEquals(Verdict.MALFORMED_SIGNATURE, verify(SECRET, BODY, "t=-1,v0=" + DIGEST, NOW));
    }
}
