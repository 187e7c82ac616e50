package io.switchboard.platform.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the platform tables from growing forever: published outbox rows (Kafka has them) and
 * processed-event markers older than any redelivery we would still deduplicate. Unpublished rows are
 * never touched. Deletes in batches so one run never holds long locks.
 */
@ApplicationScoped
public class PlatformRetention {

    private static final Logger LOG = Logger.getLogger(PlatformRetention.class);
    private static final int BATCH = 5_000;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "switchboard.outbox.retention", defaultValue = "7d")
    Duration outboxRetention;

    /** Must exceed the longest time a duplicate can arrive (consumer lag + broker retention of a replay). */
    @ConfigProperty(name = "switchboard.inbox.retention", defaultValue = "30d")
    Duration inboxRetention;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long removed = purge();
        if (removed > 0) {
            LOG.infof("retention removed %d platform row(s)", removed);
        }
    }

    /** Deletes what is past retention; returns how many rows went. */
    public long purge() {
        return deleteInBatches("""
                DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event
                WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => ?1) LIMIT ?2)""",
                outboxRetention)
                + deleteInBatches("""
                        DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event
                        WHERE processed_at < now() - make_interval(secs => ?1) LIMIT ?2)""", inboxRetention);
    }

    private long deleteInBatches(String sql, Duration retention) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                    .setParameter(1, (double) retention.toSeconds()).setParameter(2, BATCH).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
