package io.switchboard.simulator.account;

import io.switchboard.simulator.settings.Faults;

/**
 * One Switchboard provider connection as the simulated provider knows it: the credentials its create-call
 * requests must carry, the secret its webhooks are signed with, and where they go. Never serialized as is (the
 * secrets are write-only): {@link AccountView} is what answers show.
 *
 * @param apiKey        Bearer token (VAPI, Retell, Bolna) or xi-api-key (ElevenLabs); for Twilio an API key secret
 *                      accepted as the Basic password besides the auth token
 * @param accountSid    Twilio only: the Basic user and the path's account
 * @param webhookSecret what the webhooks are signed with (Twilio: the auth token; Retell: the API key; Bolna: the
 *                      shared token, optional)
 * @param faults        this account's faults instead of the global ones (null: the global ones)
 */
public record Account(String provider, String connectionId, String apiKey, String accountSid, String webhookSecret,
        String webhookBaseUrl, Faults faults) {

    /** Where the provider's webhooks for this connection go: exactly the paths calls-service serves. */
    public String webhookUrl() {
        String base = webhookBaseUrl.endsWith("/") ? webhookBaseUrl.substring(0, webhookBaseUrl.length() - 1) : webhookBaseUrl;
        return base + "/webhooks/" + provider + "/" + connectionId + (provider.equals("twilio") ? "/status" : "");
    }

    @Override
    public String toString() {
        return "Account[" + provider + "/" + connectionId + "]";
    }
}
