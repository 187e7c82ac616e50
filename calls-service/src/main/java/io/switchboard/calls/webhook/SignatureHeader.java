package io.switchboard.calls.webhook;

import java.util.HashMap;
import java.util.Map;

/** {@code k1=v1,k2=v2} signature headers (Retell {@code v=…,d=…}, ElevenLabs {@code t=…,v0=…}). */
final class SignatureHeader {

    private SignatureHeader() {
    }

    /** The pairs; a part without '=' is dropped, so a missing part shows as an absent key. */
    static Map<String, String> parse(String header) {
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return parts;
    }
}
