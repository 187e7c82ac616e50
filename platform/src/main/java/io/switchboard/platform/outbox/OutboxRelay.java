package io.switchboard.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.switchboard.events.EventCodec;

/**
 * Publishes committed outbox rows to Kafka in {@code seq} order and marks them sent. It runs right
 * after every commit that wrote outbox rows ({@link #nudge()}) and every poll interval as a safety net,
 * always on one thread. Across replicas a transaction-scoped advisory lock lets one relay work at a
 * time (the others are hot standbys), which keeps per-aggregate order. If the broker is down the rows
 * simply stay unpublished and the next round retries them: nothing is lost, delivery is
 * at-least-once and consumers deduplicate on the event id.
 *
 * Only the contiguous prefix of a batch that the broker acknowledged is marked; everything after the
 * first failure is sent again next round, so a retry never overtakes an earlier event.
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
    private volatile Producer<String, byte[]> producer;
    private volatile boolean failing;
    private Counter published;
    private Counter failures;

    @PostConstruct
    void meters() {
        published = registry.counter("switchboard.outbox.published");
        failures = registry.counter("switchboard.outbox.failures");
    }

    @Scheduled(every = "${switchboard.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void tick() {
        nudge();
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
        return QuarkusTransaction.requiringNew().call(this::publishClaimedBatch);
    }

    @SuppressWarnings("unchecked")
    private int publishClaimedBatch() {
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!mine) {
            return 0; // another replica is relaying right now
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT seq, topic, event_key, cloud_event FROM outbox_event
                WHERE published_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Object[] row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>((String) row[1], (String) row[2],
                    ((String) row[3]).getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            try {
                sends.add(producer().send(record));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        int acknowledged = 0;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (Exception e) {
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
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            em.createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = ?2 WHERE seq = ?1")
                    .setParameter(1, ((Number) rows.get(acknowledged)[0]).longValue())
                    .setParameter(2, String.valueOf(cause.getMessage()))
                    .executeUpdate();
            failures.increment();
            if (!failing) {
                LOG.warnf("Kafka unavailable, %d outbox event(s) wait for the next round: %s", rows.size() - acknowledged,
                        cause.getMessage());
            }
            failing = true;
        } else if (failing) {
            LOG.info("Kafka reachable again, outbox relay caught up");
            failing = false;
        }
        return acknowledged;
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
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
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
