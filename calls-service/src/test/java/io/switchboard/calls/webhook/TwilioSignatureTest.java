package io.switchboard.calls.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The Twilio SDK's RequestValidator against the example in Twilio's webhook security documentation. */
class TwilioSignatureTest {

    // Twilio's documented example: auth token 12345, this URL and these POST parameters sign to 0/KCTR6DLpKmkAf8muzZqo1nDgQ=
    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String FORM = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212";
    private static final String SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private static Verdict verify(String token, String url, String form, String signature) {
        return TwilioSignature.verify(token, url, FORM_TYPE, form.getBytes(StandardCharsets.UTF_8), signature);
    }

    @Test
    void twiliosDocumentedExampleVerifies() {
        assertEquals(Verdict.ok(), verify(TOKEN, URL, FORM, SIGNATURE));
    }

    @Test
    void aChangedParameterIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(TOKEN, URL, FORM.replace("Digits=1234", "Digits=9999"), SIGNATURE).reason());
    }

    @Test
    void anAddedParameterIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(TOKEN, URL, FORM + "&CallStatus=completed", SIGNATURE).reason());
    }

    @Test
    void anotherUrlThanTheSignedOneIsRejected() {
        // e.g. the service's internal address instead of the public one Twilio requested
        assertEquals(Verdict.BAD_SIGNATURE, verify(TOKEN, "http://calls-service:8081/myapp.php?foo=1&bar=2", FORM, SIGNATURE).reason());
        assertEquals(Verdict.BAD_SIGNATURE, verify(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=3", FORM, SIGNATURE).reason());
    }

    @Test
    void theWrongAuthTokenIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify("54321", URL, FORM, SIGNATURE).reason());
    }

    @Test
    void aForgedOrTruncatedSignatureIsRejected() {
        assertEquals(Verdict.BAD_SIGNATURE, verify(TOKEN, URL, FORM, "1/KCTR6DLpKmkAf8muzZqo1nDgQ=").reason());
        assertEquals(Verdict.BAD_SIGNATURE, verify(TOKEN, URL, FORM, SIGNATURE.substring(0, 10)).reason());
    }

    @Test
    void aMissingSignatureIsRejected() {
        assertEquals(Verdict.MISSING_SIGNATURE, verify(TOKEN, URL, FORM, null).reason());
        assertEquals(Verdict.MISSING_SIGNATURE, verify(TOKEN, URL, FORM, " ").reason());
    }
}
