package io.switchboard.calls.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * VAPI (X-Vapi-Secret, Bearer Token credential, HMAC credential) and Bolna (bearer token, source-IP allow-list).
 * The VAPI HMAC vector was computed independently with Python's hmac module:
 * {@code hmac.new(b"vapi-hmac-secret", body, hashlib.sha256).hexdigest()}.
 */
class VapiAndBolnaAuthenticationTest {

    private static final byte[] BODY = "{\"message\":{\"type\":\"end-of-call-report\",\"call\":{\"id\":\"call-123\"}}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String HMAC = "d19ed8aac567bea4644646fc9f4de1185894136e152e9bbd176fc73cb590f864";

    private static String vapi(String secret, Map<String, String> headers) {
        Verdict verdict = VapiAuthentication.verify(secret, BODY, headers);
        return verdict.authentic() ? "ok" : verdict.reason();
    }

    private static String bolna(String token, List<String> allowed, Map<String, String> headers, String ip) {
        Verdict verdict = BolnaAuthentication.verify(token, allowed, headers, ip);
        return verdict.authentic() ? "ok" : verdict.reason();
    }

    @Test
    void vapiAcceptsItsSecretHeaderABearerCredentialOrAnHmacSignature() {
        assertEquals("ok", vapi("s3cret", Map.of("x-vapi-secret", "s3cret")));
        assertEquals("ok", vapi("s3cret", Map.of("authorization", "Bearer s3cret")));
        assertEquals("ok", vapi("vapi-hmac-secret", Map.of("x-vapi-signature", HMAC)));
    }

    @Test
    void vapiRejectsAWrongSecretWrongBearerOrForgedSignature() {
        assertEquals(Verdict.BAD_SIGNATURE, vapi("s3cret", Map.of("x-vapi-secret", "s3cre")));
        assertEquals(Verdict.BAD_SIGNATURE, vapi("s3cret", Map.of("x-vapi-secret", "s3cret-and-more")));
        assertEquals(Verdict.BAD_SIGNATURE, vapi("s3cret", Map.of("authorization", "Bearer guess")));
        assertEquals(Verdict.BAD_SIGNATURE, vapi("another-secret", Map.of("x-vapi-signature", HMAC)));
        assertEquals(Verdict.BAD_SIGNATURE, vapi("vapi-hmac-secret", Map.of("x-vapi-signature", HMAC.substring(0, 40))));
    }

    @Test
    void aPresentButWrongVapiSignatureIsNotRescuedByAnotherHeader() {
        assertEquals(Verdict.BAD_SIGNATURE, vapi("s3cret", Map.of("x-vapi-signature", HMAC, "x-vapi-secret", "s3cret")));
    }

    @Test
    void vapiWithoutAnyCredentialIsMissing() {
        assertEquals(Verdict.MISSING_SIGNATURE, vapi("s3cret", Map.of()));
        assertEquals(Verdict.MISSING_SIGNATURE, vapi("s3cret", Map.of("authorization", "Basic czNjcmV0")));
    }

    @Test
    void bolnaNeedsItsTokenWhenItHasOne() {
        assertEquals("ok", bolna("tok", List.of(), Map.of("authorization", "Bearer tok"), "198.51.100.7"));
        assertEquals(Verdict.BAD_SIGNATURE, bolna("tok", List.of(), Map.of("authorization", "Bearer tok2"), "198.51.100.7"));
        assertEquals(Verdict.MISSING_SIGNATURE, bolna("tok", List.of(), Map.of(), "198.51.100.7"));
    }

    @Test
    void bolnaNeedsAnAllowedAddressWhenItHasAnAllowList() {
        List<String> allowed = List.of("13.200.45.61", "203.0.113.0/24", "2001:db8::/32");
        assertEquals("ok", bolna(null, allowed, Map.of(), "13.200.45.61"));
        assertEquals("ok", bolna(null, allowed, Map.of(), "203.0.113.200"));
        assertEquals("ok", bolna(null, allowed, Map.of(), "2001:db8::1"));
        assertEquals(Verdict.IP_NOT_ALLOWED, bolna(null, allowed, Map.of(), "13.200.45.62"));
        assertEquals(Verdict.IP_NOT_ALLOWED, bolna(null, allowed, Map.of(), "203.0.114.1"));
        assertEquals(Verdict.IP_NOT_ALLOWED, bolna(null, allowed, Map.of(), null));
        assertEquals(Verdict.IP_NOT_ALLOWED, bolna(null, allowed, Map.of(), "not-an-ip"));
    }

    @Test
    void bolnaWithBothNeedsBoth() {
        List<String> allowed = List.of("203.0.113.0/24");
        assertEquals("ok", bolna("tok", allowed, Map.of("authorization", "Bearer tok"), "203.0.113.9"));
        assertEquals(Verdict.IP_NOT_ALLOWED, bolna("tok", allowed, Map.of("authorization", "Bearer tok"), "198.51.100.9"));
        assertEquals(Verdict.BAD_SIGNATURE, bolna("tok", allowed, Map.of("authorization", "Bearer nope"), "203.0.113.9"));
    }
}
