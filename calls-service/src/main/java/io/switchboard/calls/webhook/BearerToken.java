package io.switchboard.calls.webhook;

import java.util.Locale;
import java.util.Map;

/** The token of an {@code Authorization: Bearer <token>} header a provider sends (never a Switchboard token here). */
final class BearerToken {

    private BearerToken() {
    }

    static String of(Map<String, String> headers) {
        String authorization = headers.get("authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return null;
        }
        return authorization.substring("bearer ".length()).trim();
    }
}
