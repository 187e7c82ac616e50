package io.switchboard.gateway.security;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.platform.persistence.AfterCommit;

/**
 * What the proxy looked up about a caller (user + session + tenant, or API key + tenant), kept for
 * {@link AuthConfig#lookupCacheTtl()} so the event loop rarely waits for the database. Any change that takes
 * access away (revoke, deactivate, suspend, logout, limit change) clears it on this replica after commit; other
 * replicas notice within the TTL.
 */
@ApplicationScoped
public class CallerCache {

    @Inject
    AuthConfig config;

    @Inject
    AfterCommit afterCommit;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Object value, long expiresAtNanos) {
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(key, entry);
            return null;
        }
        return (T) entry.value();
    }

    public void put(String key, Object value) {
        put(key, value, config.lookupCacheTtl());
    }

    public void put(String key, Object value, java.time.Duration ttl) {
        if (entries.size() > 100_000) {
            entries.clear();
        }
        entries.put(key, new Entry(value, System.nanoTime() + ttl.toNanos()));
    }

    public void invalidateAll() {
        entries.clear();
    }

    /** Clears now and again once the current transaction has committed (so nothing stale is re-cached meanwhile). */
    public void invalidateAfterCommit() {
        invalidateAll();
        afterCommit.run(this::invalidateAll);
    }
}
