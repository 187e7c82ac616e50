package io.switchboard.calls.webhook;

import java.util.Map;

/**
 * VAPI authenticates its server messages with the connection's secret in one of the ways its server settings offer:
 * the legacy {@code X-Vapi-Secret} header, a Bearer Token credential ({@code Authorization: Bearer <secret>}), or an
 * HMAC credential ({@code X-Vapi-Signature: <hex HMAC-SHA256 of the body>}, SHA256, payload = body only, no timestamp
 * header). Whichever is present must match; none present is a missing signature.
 */
final class VapiAuthentication {

    static final String SECRET_HEADER = "x-vapi-secret";
    static final String SIGNATURE_HEADER = "x-vapi-signature";

    private VapiAuthentication() {
    }

    static Verdict verify(String secret, byte[] body, Map<String, String> headers) {
        String signature = headers.get(SIGNATURE_HEADER);
        if (signature != null) {
            return Hmac.sameHex(Hmac.sha256Hex(secret, body), signature) ? Verdict.ok() : Verdict.rejected(Verdict.BAD_SIGNATURE);
        }
        String given = headers.get(SECRET_HEADER);
        if (given == null) {
            given = BearerToken.of(headers);
        }
        if (given == null) {
            return Verdict.rejected(Verdict.MISSING_SIGNATURE);
        }
        return Hmac.same(secret, given) ? Verdict.ok() : Verdict.rejected(Verdict.BAD_SIGNATURE);
    }
}
