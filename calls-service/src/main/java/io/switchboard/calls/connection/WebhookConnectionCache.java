package io.switchboard.calls.connection;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.switchboard.platform.persistence.AfterCommit;

/**
 * What a webhook needs about its connection before it believes anything (the owning tenant, the decrypted secrets,
 * enabled, provider), kept for a few seconds: a provider posts many webhooks per connection, and looking the connection
 * up took two transactions (the tenant through the owner's function, then the row under that tenant) and an AES-GCM
 * decrypt per webhook. Rotating, disabling or deleting a connection forgets it on this replica (now and again after
 * the commit, so nothing stale is cached meanwhile); other replicas notice within the TTL, which is therefore capped at
 * {@link #MAX_TTL}. Only connections that exist are kept: an unknown id is looked up every time, so a new connection
 * works at once and unknown ids cannot fill the cache.
 */
@ApplicationScoped
public class WebhookConnectionCache {

    /** The longest a replica may go on accepting a rotated secret or a disabled connection. */
    static final Duration MAX_TTL = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 10_000;

    private final AfterCommit afterCommit;
    private final long ttlNanos;
    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    /** Counts {@link #forget}s: a lookup that overlapped one is not kept (it may have read the old row). */
    private final AtomicLong forgets = new AtomicLong();

    private record Entry(ConnectionCredentials credentials, long expiresAtNanos) {
    }

    public WebhookConnectionCache(AfterCommit afterCommit,
            @ConfigProperty(name = "switchboard.calls.connections.cache-ttl", defaultValue = "5s") Duration ttl) {
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("switchboard.calls.connections.cache-ttl must lie between 0 (off) and "
                    + MAX_TTL.toSeconds() + "s, not " + ttl);
        }
        this.afterCommit = afterCommit;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * The connection as looked up less than the TTL ago, or empty: then take {@link #version()}, look it up and
     * {@link #put} it with that version.
     */
    public Optional<ConnectionCredentials> get(UUID connectionId) {
        Entry entry = entries.get(connectionId);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - entry.expiresAtNanos() >= 0) {
            entries.remove(connectionId, entry);
            return Optional.empty();
        }
        return Optional.of(entry.credentials());
    }

    /** To pass to {@link #put}: taken before the lookup. */
    public long version() {
        return forgets.get();
    }

    /** Keeps what a lookup found, unless a connection changed since {@code versionBeforeLookup}. */
    public void put(ConnectionCredentials credentials, long versionBeforeLookup) {
        if (ttlNanos == 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
            if (entries.size() >= MAX_ENTRIES) {
                return;
            }
        }
        entries.put(credentials.id(), new Entry(credentials, System.nanoTime() + ttlNanos));
        if (forgets.get() != versionBeforeLookup) {
            // a change committed while we looked up (or right now): what we read may be the old row
            entries.remove(credentials.id());
        }
    }

    /** For a change to the connection: forgets it now and again once the current transaction has committed. */
    public void forget(UUID connectionId) {
        forgets.incrementAndGet();
        entries.remove(connectionId);
        afterCommit.run(() -> {
            forgets.incrementAndGet();
            entries.remove(connectionId);
        });
    }
}
