package io.switchboard.calls.webhook;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.calls.connection.ConnectionCredentials;

/** The one place that picks a provider's authentication scheme. */
@ApplicationScoped
public class WebhookAuthenticator {

    private final WebhookConfig config;

    public WebhookAuthenticator(WebhookConfig config) {
        this.config = config;
    }

    public Verdict verify(ConnectionCredentials connection, InboundWebhook webhook, Instant now) {
        String secret = connection.webhookSecret();
        return switch (connection.provider()) {
            case TWILIO -> TwilioSignature.verify(secret, webhook.publicUrl(), webhook.contentType(), webhook.body(),
                    webhook.headers().get(TwilioSignature.HEADER));
            case RETELL -> RetellSignature.verify(secret, webhook.body(), webhook.headers().get(RetellSignature.HEADER), now,
                    config.retellTolerance());
            case ELEVENLABS -> ElevenLabsSignature.verify(secret, webhook.body(), webhook.headers().get(ElevenLabsSignature.HEADER),
                    now, config.elevenlabsTolerance());
            case VAPI -> VapiAuthentication.verify(secret, webhook.body(), webhook.headers());
            case BOLNA -> BolnaAuthentication.verify(secret, connection.allowedIps(), webhook.headers(), webhook.clientIp());
        };
    }
}
