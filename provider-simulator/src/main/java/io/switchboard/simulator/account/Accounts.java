package io.switchboard.simulator.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.simulator.provider.Secrets;

/**
 * The registered accounts, keyed by connection id. A create-call request names its account by its credentials, so
 * two connections of one provider may not share an API key (Twilio: an account SID): that would make the webhook
 * target ambiguous.
 */
@ApplicationScoped
public class Accounts {

    private final Map<String, Account> byConnection = new ConcurrentHashMap<>();

    /** Registers or replaces; the connection id of another account holding the same credentials, if any. */
    public synchronized Optional<String> put(Account account) {
        Optional<String> clash = byConnection.values().stream()
                .filter(other -> !other.connectionId().equals(account.connectionId()))
                .filter(other -> other.provider().equals(account.provider()))
                .filter(other -> account.provider().equals("twilio")
                        ? account.accountSid().equals(other.accountSid())
                        : account.apiKey().equals(other.apiKey()))
                .map(Account::connectionId).findFirst();
        if (clash.isEmpty()) {
            byConnection.put(account.connectionId(), account);
        }
        return clash;
    }

    public Optional<Account> get(String connectionId) {
        return Optional.ofNullable(byConnection.get(connectionId));
    }

    public boolean remove(String connectionId) {
        return byConnection.remove(connectionId) != null;
    }

    public List<Account> all() {
        List<Account> all = new ArrayList<>(byConnection.values());
        all.sort(Comparator.comparing(Account::provider).thenComparing(Account::connectionId));
        return all;
    }

    /** The account of this provider whose API key is {@code key} (compared in constant time). */
    public Optional<Account> byApiKey(String provider, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return byConnection.values().stream()
                .filter(a -> a.provider().equals(provider) && a.apiKey() != null && Secrets.same(a.apiKey(), key))
                .findFirst();
    }

    public Optional<Account> twilio(String accountSid) {
        return byConnection.values().stream()
                .filter(a -> a.provider().equals("twilio") && a.accountSid().equals(accountSid))
                .findFirst();
    }
}
