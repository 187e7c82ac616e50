package io.switchboard.calls.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.twilio.security.RequestValidator;

/**
 * Twilio: {@code X-Twilio-Signature}, checked by the Twilio SDK's own {@link RequestValidator} (HMAC-SHA1 of the URL
 * Twilio requested, i.e. the public one with its query, followed by the sorted form parameters), keyed by the
 * account's auth token (the connection's webhook secret).
 */
public final class TwilioSignature {

    static final String HEADER = "x-twilio-signature";

    private TwilioSignature() {
    }

    static Verdict verify(String authToken, String publicUrl, String contentType, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return Verdict.rejected(Verdict.MISSING_SIGNATURE);
        }
        Map<String, String> params = isForm(contentType) ? formParameters(new String(body, StandardCharsets.UTF_8)) : Map.of();
        return new RequestValidator(authToken).validate(publicUrl, params, signature.trim()) ? Verdict.ok()
                : Verdict.rejected(Verdict.BAD_SIGNATURE);
    }

    static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** application/x-www-form-urlencoded, first value of a repeated name (Twilio sends each once). */
    public static Map<String, String> formParameters(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // a broken escape: the pair cannot be what Twilio signed, so the signature fails on its own
            }
        }
        return params;
    }
}
