package io.switchboard.calls.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

import io.switchboard.platform.persistence.AfterCommit;

class WebhookConnectionCacheTest {

    /** No transaction: AfterCommit runs its action at once. */
    private static final AfterCommit NO_TRANSACTION = new AfterCommit((TransactionSynchronizationRegistry) Proxy.newProxyInstance(
            WebhookConnectionCacheTest.class.getClassLoader(), new Class<?>[] {TransactionSynchronizationRegistry.class},
            (proxy, method, args) -> method.getName().equals("getTransactionStatus") ? Status.STATUS_NO_TRANSACTION : null));

    private final ConnectionCredentials connection = new ConnectionCredentials(UUID.randomUUID(), UUID.randomUUID(),
            Provider.VAPI, true, "secret", null, null, List.of(), null);

    @Test
    void aConnectionLookedUpIsServedUntilItIsForgotten() {
        WebhookConnectionCache cache = new WebhookConnectionCache(NO_TRANSACTION, Duration.ofSeconds(5));
        assertEquals(Optional.empty(), cache.get(connection.id()));
        cache.put(connection, cache.version());
        assertEquals(Optional.of(connection), cache.get(connection.id()));

        cache.forget(connection.id());
        assertEquals(Optional.empty(), cache.get(connection.id()));
    }

    @Test
    void aLookupThatOverlappedAChangeIsNotKept() {
        WebhookConnectionCache cache = new WebhookConnectionCache(NO_TRANSACTION, Duration.ofSeconds(5));
        long beforeLookup = cache.version();
        // the connection is rotated while the webhook reads it: what it read may be the old secret
        cache.forget(connection.id());
        cache.put(connection, beforeLookup);
        assertEquals(Optional.empty(), cache.get(connection.id()));
    }

    @Test
    void anEntryExpiresAfterItsTtl() throws InterruptedException {
        WebhookConnectionCache cache = new WebhookConnectionCache(NO_TRANSACTION, Duration.ofMillis(1));
        cache.put(connection, cache.version());
        Thread.sleep(20);
        assertEquals(Optional.empty(), cache.get(connection.id()));
    }

    @Test
    void aZeroTtlKeepsNothingAndOneOverTheCapIsRefused() {
        WebhookConnectionCache off = new WebhookConnectionCache(NO_TRANSACTION, Duration.ZERO);
        off.put(connection, off.version());
        assertEquals(Optional.empty(), off.get(connection.id()));

        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> new WebhookConnectionCache(NO_TRANSACTION, Duration.ofMinutes(1)));
        assertTrue(tooLong.getMessage().contains("connections.cache-ttl"));
    }
}
