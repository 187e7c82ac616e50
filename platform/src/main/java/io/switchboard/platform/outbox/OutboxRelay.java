package io.switchboard.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.switchboard.events.EventCodec;
import io.switchboard.platform.tracing.TraceContexts;

/**
 * Publishes committed outbox rows to Kafka in {@code seq} order and marks them sent. It runs right
 * after every commit that wrote outbox rows ({@link #nudge()}) and every poll interval as a safety net,
 * always on one thread. Across replicas a transaction-scoped advisory lock lets one relay work at a
 * time (the others are hot standbys), which keeps per-aggregate order. If the broker is down the rows
 * simply stay unpublished and the next round retries them: nothing is lost, delivery is
 * at-least-once and consumers deduplicate on the event id.
 *
 * Only the contiguous prefix of a batch that the broker acknowledged is marked; at the first failure the
 * relay stops handing records to the producer, and everything after it is sent again next round, so a
 * retry never overtakes an earlier event (records already in flight at that moment may arrive twice).
 * A round holds the lock for at most {@code send-timeout}: records are handed over only during its
 * first half, and {@code max.block.ms} (metadata, a full buffer) is that half too.
 *
 * A row the broker rejects for its own sake (too large, invalid) is parked after {@code max-attempts}
 * rejections: {@code parked_at} is set, it is logged once and counted ({@code switchboard.outbox.parked}),
 * and the rows behind it, including later events of the same aggregate, go out without it.
 *
 * Each record carries the structured CloudEvent as its body and, for consumers that want to skip it unread, its
 * {@code ce_id} and {@code ce_type} as headers ({@link CloudEventHeaders}).
 *
 * Each record gets a {@code publish <topic>} PRODUCER span, child of the trace context stored with the row (the
 * request that wrote it), and carries that span's {@code traceparent} header to the consumer.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Any constant shared by every replica of a service (each service has its own database). */
    private static final long RELAY_LOCK = 0x5357_4F55_5442_4F58L;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong parkedRows = new AtomicLong();
    private volatile Producer<String, byte[]> producer;
    private volatile boolean failing;
    private Counter published;
    private Counter failures;

    @PostConstruct
    void meters() {
        published = registry.counter("switchboard.outbox.published");
        failures = registry.counter("switchboard.outbox.failures");
        registry.gauge("switchboard.outbox.parked", parkedRows);
    }

    @Scheduled(every = "${switchboard.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void tick() {
        nudge();
    }

    /**
     * Re-reads the parked gauge now and then: the relay counts its own parkings at once, so this only picks up rows
     * un-parked by hand; a count every poll interval would be one more transaction per second per replica.
     */
    @Scheduled(every = "${switchboard.outbox.parked-refresh:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void refreshParked() {
        try {
            countParked();
        } catch (RuntimeException e) {
            LOG.debugf("cannot count parked outbox rows: %s", e.getMessage()); // the relay logs database trouble
        }
    }

    /** Asks for a drain soon; coalesces with one already queued. Called after commits that wrote events. */
    public void nudge() {
        if (config.relayEnabled() && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            while (relayBatch() == config.batchSize()) {
                // a full batch means there may be more waiting: keep draining
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay round failed: %s", e.getMessage());
        }
    }

    /** Publishes one batch in its own transaction; returns how many rows were published. */
    public int relayBatch() {
        Producer<String, byte[]> kafka = producer(); // created before the lock is taken: it must not count against it
        return QuarkusTransaction.requiringNew().call(() -> publishClaimedBatch(kafka));
    }

    /** Rows parked now (also the {@code switchboard.outbox.parked} gauge, refreshed every minute). */
    public long countParked() {
        long parked = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL").getSingleResult()).longValue());
        parkedRows.set(parked);
        return parked;
    }

    @SuppressWarnings("unchecked")
    private int publishClaimedBatch(Producer<String, byte[]> kafka) {
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!mine) {
            return 0; // another replica is relaying right now
        }
        long start = System.nanoTime();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT seq, topic, event_key, cloud_event, event_type, attempts, trace_parent, trace_state, id FROM outbox_event
                WHERE published_at IS NULL AND parked_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        long budget = config.sendTimeout().toNanos();
        long handOverUntil = start + budget / 2;
        long deadline = start + budget;
        AtomicReference<Exception> asyncFailure = new AtomicReference<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Object[] row : rows) {
            if (asyncFailure.get() != null || System.nanoTime() > handOverUntil) {
                break; // an earlier record failed (or time is up): sending later ones could overtake it
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row[1], (String) row[2],
                    ((String) row[3]).getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.add(record.headers(), String.valueOf(row[8]), (String) row[4]);
            Span span = publishSpan(row);
            TraceContexts.inject(Context.root().with(span), record.headers());
            try {
                Future<RecordMetadata> send = kafka.send(record, (metadata, e) -> {
                    if (e != null) {
                        asyncFailure.compareAndSet(null, e);
                        span.recordException(e);
                        span.setStatus(StatusCode.ERROR);
                    }
                    span.end(); // the span lasts until the broker acknowledged (or refused) the record
                });
                sends.add(send);
                if (send.isDone() && failed(send)) {
                    break; // rejected on the spot (e.g. larger than max.request.size)
                }
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                span.end();
                failure = e;
                break;
            }
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            } catch (java.util.concurrent.TimeoutException e) {
                failure = new TimeoutException("no acknowledgement within " + config.sendTimeout());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        if (acknowledged > 0) {
            List<Long> done = rows.subList(0, acknowledged).stream().map(r -> ((Number) r[0]).longValue()).toList();
            em.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE seq = ANY(?1)")
                    .setParameter(1, done.toArray(Long[]::new))
                    .executeUpdate();
            published.increment(acknowledged);
        }
        if (failure != null && acknowledged < rows.size()) {
            recordFailure(rows.get(acknowledged), failure, rows.size() - acknowledged);
        } else if (failing) {
            LOG.info("Kafka reachable again, outbox relay caught up");
            failing = false;
        }
        return acknowledged;
    }

    /**
     * A PRODUCER span in the trace of the transaction that wrote the row (its stored trace context), or a new trace
     * for a row written outside any. Its context goes into the record's headers, so the consumer continues the trace.
     */
    private Span publishSpan(Object[] row) {
        String topic = (String) row[1];
        return tracer.spanBuilder("publish " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceContexts.parent((String) row[6], (String) row[7]))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", (String) row[2])
                .setAttribute("messaging.message.id", String.valueOf(row[8]))
                .setAttribute("switchboard.outbox.seq", ((Number) row[0]).longValue())
                .setAttribute("switchboard.event.type", (String) row[4])
                .startSpan();
    }

    private static boolean failed(Future<RecordMetadata> send) {
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void recordFailure(Object[] row, Exception failure, int waiting) {
        long seq = ((Number) row[0]).longValue();
        failures.increment();
        if (!rejectedForItsOwnSake(failure)) {
            em.createNativeQuery("UPDATE outbox_event SET last_error = ?2 WHERE seq = ?1")
                    .setParameter(1, seq).setParameter(2, String.valueOf(failure.getMessage())).executeUpdate();
            if (!failing) {
                LOG.warnf("Kafka unavailable, %d outbox event(s) wait for the next round: %s", waiting, failure.getMessage());
            }
            failing = true;
            return;
        }
        int attempts = ((Number) row[5]).intValue() + 1;
        boolean park = attempts >= config.maxAttempts();
        em.createNativeQuery("""
                UPDATE outbox_event SET attempts = ?2, last_error = ?3, parked_at = CASE WHEN ?4 THEN now() END
                WHERE seq = ?1""")
                .setParameter(1, seq).setParameter(2, attempts)
                .setParameter(3, failure.getClass().getSimpleName() + ": " + failure.getMessage())
                .setParameter(4, park)
                .executeUpdate();
        if (park) {
            parkedRows.incrementAndGet();
            LOG.errorf("outbox row parked after %d rejection(s): seq=%d type=%s key=%s error=%s: %s; later events go out "
                    + "without it (un-park: README, How events flow)", attempts, seq, row[4], row[2],
                    failure.getClass().getSimpleName(), failure.getMessage());
        } else {
            LOG.warnf("broker rejected outbox row seq=%d type=%s key=%s (%d/%d): %s", seq, row[4], row[2], attempts,
                    config.maxAttempts(), failure.getMessage());
        }
    }

    /**
     * The broker refused this record (too large, invalid, corrupt), so retrying it as it is cannot help: unlike
     * a retriable error (broker or leader unavailable, timeouts) or a credentials problem that would hit every row.
     */
    static boolean rejectedForItsOwnSake(Throwable failure) {
        return failure instanceof ApiException && !(failure instanceof RetriableException)
                && !(failure instanceof AuthenticationException) && !(failure instanceof AuthorizationException);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    long timeoutMs = config.sendTimeout().toMillis();
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-'));
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    // metadata fetches and a full buffer block send() this long at most: half a round's budget
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1, timeoutMs / 2));
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeoutMs / 2));
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                    props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
                    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
