package io.switchboard.simulator.play;

import java.util.Map;

/**
 * One webhook a provider script wants sent.
 *
 * @param atSeconds provider seconds after the create-call (scaled by the time factor when scheduled)
 * @param form      Twilio: the form parameters the body encodes (the signature covers them); otherwise empty
 */
public record Webhook(String event, double atSeconds, String url, String contentType, byte[] body, Map<String, String> form) {

    public static Webhook json(String event, double atSeconds, String url, byte[] body) {
        return new Webhook(event, atSeconds, url, "application/json", body, Map.of());
    }
}
