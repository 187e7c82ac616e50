package io.switchboard.gateway.failure;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes failure log rows older than {@code switchboard.failure-log.retention-days}, daily. */
@ApplicationScoped
public class FailureLogRetention {

    private static final Logger LOG = Logger.getLogger(FailureLogRetention.class);

    @Inject
    FailureLogConfig config;

    @Inject
    EntityManager em;

    @Scheduled(cron = "${switchboard.failure-log.retention-cron:0 17 3 * * ?}", identity = "failure-log-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes what is past retention; returns how many rows. */
    @Transactional
    public int purge() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(config.retentionDays()));
        int deleted = em.createNativeQuery("DELETE FROM failure_log WHERE created_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
        if (deleted > 0) {
            LOG.infof("failure log: %d row(s) older than %d days deleted", deleted, config.retentionDays());
        }
        return deleted;
    }
}
