package io.switchboard.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

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
 */
@ApplicationScoped
public class InboxDispatcher {

    private static final Logger LOG = Logger.getLogger(InboxDispatcher.class);

    private final IdempotentConsumer consumer;
    private final int maxInFlight;
    private final ExecutorService workers;

    /** The last record accepted per topic and key; removed by that record when it finishes last. */
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final Object permits = new Object();
    private int inFlight;
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    @Inject
    public InboxDispatcher(IdempotentConsumer consumer,
            @ConfigProperty(name = "switchboard.inbox.concurrency", defaultValue = "8") int concurrency,
            @ConfigProperty(name = "switchboard.inbox.max-in-flight", defaultValue = "256") int maxInFlight) {
        this.consumer = consumer;
        this.maxInFlight = Math.max(1, maxInFlight);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            Thread thread = new Thread(runnable, "inbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The record's CloudEvent through {@link IdempotentConsumer#consume}. */
    public CompletionStage<Void> dispatch(Message<byte[]> record) {
        return dispatch(record, consumer::consume);
    }

    /**
     * Runs {@code work} on the record's payload in its key's turn; acknowledges the record when it returns, nacks it
     * with what it threw. {@code work} must be idempotent (redelivery after a crash or a rebalance).
     */
    public CompletionStage<Void> dispatch(Message<byte[]> record, Consumer<byte[]> work) {
        Context trace = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
        String key = orderingKey(record);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable run = () -> execute(() -> {
            // as the connector's own blocking invocations: the record's trace current, a request context active
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try (Scope scope = trace.makeCurrent()) {
                work.accept(record.getPayload());
                record.ack();
            } catch (RuntimeException | Error e) {
                record.nack(e);
            } finally {
                requestContext.terminate();
                if (key != null) {
                    tails.remove(key, done);
                }
                done.complete(null);
                release();
            }
        });
        CompletionStage<Void> accepted = acquire();
        CompletableFuture<Void> previous = key == null ? null : tails.put(key, done);
        if (previous == null) {
            run.run();
        } else {
            previous.whenComplete((ignored, failure) -> run.run());
        }
        return accepted;
    }

    private void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.debugf("inbox stopping: a record is left unacknowledged (redelivered later)");
        }
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

    /** Unfinished records are not acknowledged: the partition's next owner (or this service's restart) reads them again. */
    @PreDestroy
    void stop() {
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
