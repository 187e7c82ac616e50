package io.switchboard.calls.webhook;

import java.util.Map;

/**
 * A webhook as it arrived, before anything is believed: what the signature checks need.
 *
 * @param publicUrl the URL the provider requested: public base URL + path + query (what Twilio signs)
 * @param headers   lower-case names
 * @param clientIp  the provider's address as the gateway forwarded it (see {@link WebhookConfig#trustedForwardedHops})
 */
public record InboundWebhook(String publicUrl, String contentType, byte[] body, Map<String, String> headers, String clientIp) {
}
