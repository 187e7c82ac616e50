package io.switchboard.simulator.account;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.switchboard.simulator.settings.Faults;

/** An account without its secrets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(String provider, String connectionId, String accountSid, boolean hasApiKey, boolean hasWebhookSecret,
        String webhookBaseUrl, String webhookUrl, Faults faults) {

    static AccountView of(Account account) {
        return new AccountView(account.provider(), account.connectionId(), account.accountSid(), account.apiKey() != null,
                account.webhookSecret() != null, account.webhookBaseUrl(), account.webhookUrl(), account.faults());
    }
}
