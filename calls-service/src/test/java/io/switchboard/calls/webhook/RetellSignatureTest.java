package io.switchboard.calls.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Retell's scheme (retell-sdk {@code verify}): hex HMAC-SHA256 of body + timestamp(ms), keyed by the API key. No
 * published vector exists; this one was computed independently with Python's hmac module:
 * {@code hmac.new(b"key_test_retell_api_key", body + b"1732262400000", hashlib.sha256).hexdigest()}.
 */
class RetellSignatureTest {

    private static final String KEY = "key_test_retell_api_key";
    private static final byte[] BODY = "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final long SIGNED_AT = 1732262400000L;
    private static final String DIGEST = "8a61347e62145da557abb176a78895baefa552bdb76dc10e930a4e053f83b117";
    private static final String HEADER = "v=" + SIGNED_AT + ",d=" + DIGEST;
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.ofEpochMilli(SIGNED_AT).plusSeconds(2);

    private static String verify(String key, byte[] body, String header, Instant now) {
        Verdict verdict = RetellSignature.verify(key, body, header, now, TOLERANCE);
        return verdict.authentic() ? "ok" : verdict.reason();
    }

    @Test
    void theComputedVectorVerifies() {
        assertEquals("ok", verify(KEY, BODY, HEADER, NOW));
        assertEquals("ok", verify(KEY, BODY, "v=" + SIGNED_AT + ",d=" + DIGEST.toUpperCase(), NOW));
    }

    @Test
    void aChangedBodyIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(KEY, "{\"event\":\"call_started\"}".getBytes(StandardCharsets.UTF_8), HEADER, NOW));
    }

    @Test
    void aTimestampChangedToStayFreshIsRejected() {
        // a replay with a new timestamp but the old digest
        assertEquals(Verdict.BAD_SIGNATURE, verify(KEY, BODY, "v=" + (SIGNED_AT + 1000) + ",d=" + DIGEST, NOW));
    }

    @Test
    void theWrongKeyIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify("key_another", BODY, HEADER, NOW));
    }

    @Test
    void aForgedOrTruncatedDigestIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(KEY, BODY, "v=" + SIGNED_AT + ",d=" + DIGEST.replace('8', '9'), NOW));
        assertEquals(Verdict.BAD_SIGNATURE, verify(KEY, BODY, "v=" + SIGNED_AT + ",d=" + DIGEST.substring(0, 32), NOW));
    }

    @Test
    void aStaleTimestampIsRejectedEvenWithAValidDigest() {
        assertEquals(Verdict.STALE_TIMESTAMP, verify(KEY, BODY, HEADER, Instant.ofEpochMilli(SIGNED_AT).plus(TOLERANCE).plusSeconds(1)));
        assertEquals("ok", verify(KEY, BODY, HEADER, Instant.ofEpochMilli(SIGNED_AT).plus(TOLERANCE)));
    }

    @Test
    void aFutureTimestampIsRejectedEvenWithAValidDigest() {
        assertEquals(Verdict.FUTURE_TIMESTAMP, verify(KEY, BODY, HEADER, Instant.ofEpochMilli(SIGNED_AT).minus(TOLERANCE).minusSeconds(1)));
    }

    @Test
    void aMissingOrMalformedHeaderIsRejected() {
        assertEquals(Verdict.MISSING_SIGNATURE, verify(KEY, BODY, null, NOW));
        assertEquals(Verdict.MISSING_SIGNATURE, verify(KEY, BODY, "", NOW));
        assertEquals(Verdict.MALFORMED_SIGNATURE, verify(KEY, BODY, DIGEST, NOW));
        assertEquals(Verdict.MALFORMED_SIGNATURE, verify(KEY, BODY, "v=" + SIGNED_AT, NOW));
        assertEquals(Verdict.MALFORMED_SIGNATURE, verify(KEY, BODY, "v=yesterday,d=" + DIGEST, NOW));
        assertEquals(Verdict.MALFORMED_SIGNATURE, verify(KEY, BODY, "v=99999999999999999999,d=" + DIGEST, NOW));
    }
}
