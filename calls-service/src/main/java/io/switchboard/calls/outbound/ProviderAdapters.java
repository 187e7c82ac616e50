package io.switchboard.calls.outbound;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.switchboard.calls.connection.Provider;

/** The adapter for a connection's provider: the one place outbound dialing dispatches on the provider. */
@ApplicationScoped
public class ProviderAdapters {

    private final Map<Provider, ProviderAdapter> byProvider = new EnumMap<>(Provider.class);

    public ProviderAdapters(Instance<ProviderAdapter> adapters) {
        for (ProviderAdapter adapter : adapters) {
            byProvider.put(adapter.provider(), adapter);
        }
        for (Provider provider : Provider.values()) {
            if (!byProvider.containsKey(provider)) {
                throw new IllegalStateException("no outbound adapter for " + provider.wire());
            }
        }
    }

    public ProviderAdapter of(Provider provider) {
        return byProvider.get(provider);
    }
}
