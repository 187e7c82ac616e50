package io.switchboard.calls.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.calls.webhooks")
public interface WebhookConfig {

    /** Bodies over this many bytes are refused with 413 (the HTTP server's own limit is higher). */
    @WithDefault("2097152")
    int maxBodyBytes();

    /** How far a Retell signature's timestamp may be from now, either way (the retell-sdk uses 5 minutes). */
    @WithDefault("5m")
    Duration retellTolerance();

    /** How far an ElevenLabs signature's timestamp may be from now, either way (ElevenLabs' SDKs use 30 minutes). */
    @WithDefault("30m")
    Duration elevenlabsTolerance();

    /**
     * For source-IP allow-lists: how many trusted proxies append to X-Forwarded-For after the provider's address. The
     * gateway appends the address of its own peer: 0 when the gateway is the edge (its peer is the provider), 1 when a
     * trusted ingress sits in front of it (the ingress appended the provider, the gateway the ingress).
     */
    @WithDefault("0")
    int trustedForwardedHops();
}
