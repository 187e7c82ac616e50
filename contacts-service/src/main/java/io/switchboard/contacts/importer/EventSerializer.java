package io.switchboard.contacts.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.platform.outbox.Outbox;

/**
 * Serializes a chunk's {@code contact.created} events (CloudEvents JSON) on its own thread while the chunk's contacts
 * are inserted on the worker's connection, so the JSON no longer waits for PostgreSQL nor PostgreSQL for it. The
 * events are recorded afterwards, in the chunk's transaction ({@link Outbox#publishPrepared}).
 */
final class EventSerializer {

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "contact-import-events");
        thread.setDaemon(true);
        return thread;
    });

    private final Outbox outbox;
    private final UUID tenantId;

    EventSerializer(Outbox outbox, UUID tenantId) {
        this.outbox = outbox;
        this.tenantId = tenantId;
    }

    /** The events, in the order of {@code payloads}. */
    Future<List<Outbox.Prepared>> serialize(List<ContactCreatedV1> payloads) {
        return THREAD.submit(() -> payloads.stream().map(p -> outbox.prepare(EventCatalog.CONTACT_CREATED, tenantId, p)).toList());
    }

    /**
     * What work handed to another thread returned, or what it threw: a runtime exception as it is, an
     * {@link IOException} as {@link UncheckedIOException}.
     */
    static <T> T await(Future<T> work, String what) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
