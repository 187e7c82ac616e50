package io.switchboard.platform.inbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.switchboard.platform.outbox.CloudEventHeaders;

/**
 * Runs a service's Kafka records on a pool of {@code switchboard.inbox.concurrency} threads: records of one key (one
 * aggregate: a call, a contact, a queue item) strictly one after the other in offset order, records of different keys
 * concurrently. A service's {@code @Incoming} method takes the {@link Message} and returns {@link #dispatch}'s stage:
 * <pre>{@code
 * @Incoming("calls")
 * public CompletionStage<Void> onCallEvent(Message<byte[]> record) {
 *     return inbox.dispatch(record);
 * }
 * }</pre>
 * The connector invokes such a method on its event loop, one record at a time in offset order, and waits for the
 * returned stage; the order of each key is fixed there, before any thread runs anything. The stage completes at once
 * while fewer than {@code switchboard.inbox.max-in-flight} records are unfinished, later otherwise: that is the
 * back-pressure on the poll loop. A record is acknowledged after its work returned (its transaction committed), and
 * nacked with the failure otherwise, which the channel's {@code failure-strategy=dead-letter-queue} parks in
 * {@code switchboard.dlq.<service>}. The throttled commit strategy commits each partition's contiguous prefix of
 * acknowledged offsets, so a record is never skipped.
 * <p>
 * Why not the connector's own {@code throttled.ordered=key}: in SmallRye Reactive Messaging 4.33 (Quarkus 3.34.1) its
 * key groups hold a merge slot each, and a consumer-group rebalance while records are in flight can leak the slots
 * (smallrye-reactive-messaging PR 3403, fixed after 4.33): once {@code max-concurrency} slots leaked, the channel
 * silently stopped consuming. A fresh test run, with four channels joining one group while a backlog was read, did
 * exactly that. Here nothing outlives its record: a rebalance only means the new owner of a partition reads its
 * unacknowledged records again, which the idempotent consumer turns into no-ops.
 * <p>
 * Cheap consumers. A record whose {@code ce_type} header (set by the outbox relay) names a type no handler of this
 * service takes is acknowledged on the spot, unread, on the connector's thread. Records of the idempotent consumer
 * that are ready at the same moment (different keys, or a key's consecutive records, which then keep their order)
 * are taken together, up to {@code switchboard.inbox.batch-size} (default 64; 1 turns batching off), and applied in one
 * transaction ({@link IdempotentConsumer#consumeAll}); each is acknowledged after that commit. Batches form by
 * themselves under load: a worker takes whatever became ready while the workers were busy, and an idle service still
 * runs each record at once, alone.
 * <p>
 * Stopping. When the application stops ({@link ShutdownEvent}, before its persistence closes), the dispatcher takes no
 * more records, lets the running ones finish (up to 10 s), and from then on neither starts nor nacks any: a failure
 * then is as likely the closing database as the record, so the record stays unacknowledged and is read again after
 * the restart. Before this, a stopping gateway under load sent its whole backlog to the dead-letter topic
 * ({@code EntityManagerFactory is closed}, 4,475 {@code call.completed} events in one benchmark's shutdown).
 */
@ApplicationScoped
public class InboxDispatcher {

    private static final Logger LOG = Logger.getLogger(InboxDispatcher.class);

    private final IdempotentConsumer consumer;
    private final int maxInFlight;
    private final int batchSize;
    private final ExecutorService workers;

    /** Guards {@link #tails}, {@link #ready} and the entries' {@code queued} / {@code batch}. */
    private final Object lock = new Object();
    /** The last record accepted per topic and key; removed by that record when it finishes last. */
    private final Map<String, Entry> tails = new HashMap<>();
    /** Records whose turn has come (or that sit right behind their key's previous record), in arrival order. */
    private final ArrayDeque<Entry> ready = new ArrayDeque<>();
    private final Object permits = new Object();
    /** Set once the application stops: records are no longer started, and a failure is no longer dead-lettered. */
    private volatile boolean stopping;
    private int inFlight;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    @Inject
    public InboxDispatcher(IdempotentConsumer consumer,
            @ConfigProperty(name = "switchboard.inbox.concurrency", defaultValue = "8") int concurrency,
            @ConfigProperty(name = "switchboard.inbox.max-in-flight", defaultValue = "256") int maxInFlight,
            @ConfigProperty(name = "switchboard.inbox.batch-size", defaultValue = "64") int batchSize) {
        this.consumer = consumer;
        this.maxInFlight = Math.max(1, maxInFlight);
        this.batchSize = Math.max(1, batchSize);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "inbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Without batching: every record in a transaction of its own. */
    public InboxDispatcher(IdempotentConsumer consumer, int concurrency, int maxInFlight) {
        this(consumer, concurrency, maxInFlight, 1);
    }

    /**
     * The record's CloudEvent through {@link IdempotentConsumer}, in a transaction shared with other records ready at
     * the same moment (up to {@code switchboard.inbox.batch-size}). A record whose {@code ce_type} header names a type
     * this service has no handler for is acknowledged at once, on the caller's thread, without reading its body.
     */
    public CompletionStage<Void> dispatch(Message<byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (type != null && !consumer.handles(type)) {
            return record.ack();
        }
        return enqueue(new Entry(record, null));
    }

    /**
     * Runs {@code work} on the record's payload in its key's turn, alone; acknowledges the record when it returns, nacks
     * it with what it threw. {@code work} must be idempotent (redelivery after a crash or a rebalance).
     */
    public CompletionStage<Void> dispatch(Message<byte[]> record, Consumer<byte[]> work) {
        return enqueue(new Entry(record, work));
    }

    /** One accepted record and where it stands. */
    private static final class Entry {
        final Message<byte[]> record;
        /** Null: the idempotent consumer, which may share a transaction with other such records. */
        final Consumer<byte[]> work;
        final Context trace;
        final String key;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        /** The key's record accepted just before this one, unfinished at the time. */
        Entry previous;
        boolean queued;
        /** The batch that took it (identity token). */
        Object batch;

        Entry(Message<byte[]> record, Consumer<byte[]> work) {
            this.record = record;
            this.work = work;
            this.trace = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
            this.key = orderingKey(record);
        }

        boolean batchable() {
            return work == null;
        }
    }

    /**
     * The order of a key is fixed here, on the connector's thread: a record is ready when its key's previous record
     * finished, or while that one still waits in the ready queue untaken (then both can go in one batch, in order);
     * otherwise it waits for the previous one to finish.
     */
    private CompletionStage<Void> enqueue(Entry entry) {
        CompletionStage<Void> accepted = acquire();
        Entry previous;
        boolean now;
        synchronized (lock) {
            previous = entry.key == null ? null : tails.put(entry.key, entry);
            entry.previous = previous;
            now = previous == null || previous.done.isDone()
                    || (previous.queued && previous.batchable() && entry.batchable());
            if (now) {
                ready.addLast(entry);
                entry.queued = true;
            }
        }
        if (now) {
            execute(this::drain);
        } else {
            previous.done.whenComplete((ignored, failure) -> makeReady(entry));
        }
        return accepted;
    }

    private void makeReady(Entry entry) {
        synchronized (lock) {
            ready.addLast(entry);
            entry.queued = true;
        }
        execute(this::drain);
    }

    /**
     * One worker's turn: takes the head of the ready queue, as many batchable records as {@code batch-size} allows (a
     * record with its own work goes alone), and runs them. A taken record whose key's previous record is running in
     * another batch is put back to wait for it. Every ready record scheduled one turn, so none is stranded.
     */
    private void drain() {
        if (stopping) {
            return; // left unacknowledged: read again after the restart
        }
        List<Entry> batch = new ArrayList<>();
        List<Entry> deferred = new ArrayList<>();
        Object token = new Object();
        synchronized (lock) {
            while (!ready.isEmpty() && batch.size() < batchSize) {
                Entry next = ready.peekFirst();
                if (!batch.isEmpty() && (!next.batchable() || !batch.get(0).batchable())) {
                    break;
                }
                ready.pollFirst();
                next.queued = false;
                Entry previous = next.previous;
                if (previous != null && !previous.done.isDone() && previous.batch != token) {
                    deferred.add(next);
                    continue;
                }
                next.batch = token;
                batch.add(next);
            }
        }
        for (Entry entry : deferred) {
            entry.previous.done.whenComplete((ignored, failure) -> makeReady(entry));
        }
        if (!batch.isEmpty()) {
            run(batch);
        }
    }

    /** As the connector's own blocking invocations: the record's trace current, a request context active. */
    private void run(List<Entry> batch) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            if (batch.size() == 1) {
                runAlone(batch.get(0));
            } else {
                runTogether(batch);
            }
        } finally {
            requestContext.terminate();
            for (Entry entry : batch) {
                finish(entry);
            }
        }
    }

    private void runAlone(Entry entry) {
        try (Scope scope = entry.trace.makeCurrent()) {
            if (entry.work != null) {
                entry.work.accept(entry.record.getPayload());
            } else {
                consumer.consume(entry.record.getPayload());
            }
            entry.record.ack();
        } catch (RuntimeException | Error e) {
            nackUnlessStopping(entry, e);
        }
    }

    private void runTogether(List<Entry> batch) {
        List<IdempotentConsumer.Delivery> deliveries = new ArrayList<>(batch.size());
        for (Entry entry : batch) {
            deliveries.add(new IdempotentConsumer.Delivery(entry.record.getPayload(), entry.trace, entry.key));
        }
        List<RuntimeException> failures;
        try {
            failures = consumer.consumeAll(deliveries);
        } catch (RuntimeException | Error e) {
            batch.forEach(entry -> nackUnlessStopping(entry, e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failures.get(i) == null) {
                batch.get(i).record.ack();
            } else {
                nackUnlessStopping(batch.get(i), failures.get(i));
            }
        }
    }

    /** The dead-letter topic for a record that failed, unless the application is stopping (then: redelivered later). */
    private void nackUnlessStopping(Entry entry, Throwable failure) {
        if (stopping) {
            LOG.infof("inbox stopping: a record that failed (%s) is left unacknowledged, not dead-lettered (redelivered later)",
                    failure.toString());
            return;
        }
        entry.record.nack(failure);
    }

    private void finish(Entry entry) {
        if (entry.key != null) {
            synchronized (lock) {
                tails.remove(entry.key, entry);
            }
        }
        entry.done.complete(null);
        release();
    }

    private void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.debugf("inbox stopping: a record is left unacknowledged (redelivered later)");
        }
    }

    /** A Kafka header's value; null for a record without it or outside Kafka. */
    private static String header(Message<byte[]> record, String name) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> CloudEventHeaders.read(kafka.getHeaders(), name))
                .orElse(null);
    }

    /** Topic and record key; null (no ordering) for a record without a key or outside Kafka. */
    private static String orderingKey(Message<byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .filter(kafka -> kafka.getKey() != null)
                .map(kafka -> kafka.getTopic() + '\u0000' + kafka.getKey())
                .orElse(null);
    }

    /** Counts the record in; the stage completes once it is within {@code max-in-flight}. */
    private CompletionStage<Void> acquire() {
        synchronized (permits) {
            inFlight++;
            if (inFlight <= maxInFlight) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> wait = new CompletableFuture<>();
            waiting.add(wait);
            return wait;
        }
    }

    private void release() {
        List<CompletableFuture<Void>> resumed;
        synchronized (permits) {
            inFlight--;
            if (inFlight > maxInFlight || waiting.isEmpty()) {
                return;
            }
            resumed = new ArrayList<>(waiting);
            waiting.clear();
        }
        resumed.forEach(wait -> wait.complete(null));
    }

    void onStop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        stop();
    }

    /**
     * Unfinished records are not acknowledged: the partition's next owner (or this service's restart) reads them again.
     * Runs at {@link ShutdownEvent}, while the database is still open for the records already running, and again (a
     * no-op) when the bean is destroyed.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("inbox: records still running at shutdown are left unacknowledged (redelivered later)");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
