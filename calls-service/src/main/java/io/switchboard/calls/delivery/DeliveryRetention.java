package io.switchboard.calls.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Keeps the delivery log to its retention period, across tenants, in batches so no run holds long locks. */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);
    private static final int BATCH = 5_000;

    private final WebhookDeliveryRepository deliveries;
    private final Duration retention;

    public DeliveryRetention(WebhookDeliveryRepository deliveries,
            @ConfigProperty(name = "switchboard.calls.webhook-deliveries.retention", defaultValue = "30d") Duration retention) {
        this.deliveries = deliveries;
        this.retention = retention;
    }

    @Scheduled(every = "${switchboard.calls.webhook-deliveries.purge-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long removed = purge();
        if (removed > 0) {
            LOG.infof("webhook delivery log retention removed %d entries older than %s", removed, retention);
        }
    }

    /** Deletes every entry older than the retention period; returns how many went. */
    public long purge() {
        OffsetDateTime cutOff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deliveries.purge(cutOff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
