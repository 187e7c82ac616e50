package io.switchboard.campaigns.progress;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.campaigns.campaign.CampaignService;
import io.switchboard.campaigns.queue.CallQueueItem;
import io.switchboard.campaigns.queue.CallQueueRepository;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.platform.time.DatabaseTime;

@ApplicationScoped
public class ProgressService {

    @Inject
    CampaignService campaigns;

    @Inject
    CallQueueRepository queue;

    @ConfigProperty(name = "switchboard.campaigns.progress.rate-window", defaultValue = "5m")
    Duration rateWindow;

    @ConfigProperty(name = "switchboard.campaigns.progress.poll-interval", defaultValue = "2s")
    Duration pollInterval;

    @ConfigProperty(name = "switchboard.campaigns.progress.heartbeat", defaultValue = "15s")
    Duration heartbeat;

    public ProgressView now(UUID tenantId, UUID campaignId) {
        return TenantScope.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Campaign campaign = campaigns.find(tenantId, campaignId);
            OffsetDateTime now = DatabaseTime.now();
            Map<String, Long> counts = queue.countsByStatus(tenantId, campaignId);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long recent = queue.attemptsSince(tenantId, campaignId, now.minus(rateWindow));
            double perMinute = Math.round(recent * 600.0 / Math.max(rateWindow.toSeconds(), 1)) / 10.0;
            long pending = counts.getOrDefault(CallQueueItem.PENDING, 0L);
            Long eta = recent == 0 || pending == 0 ? (pending == 0 ? Long.valueOf(0) : null)
                    : Long.valueOf(Math.round(pending * (double) rateWindow.toSeconds() / recent));
            return new ProgressView(campaignId, campaign.status.wire(), counts, total, perMinute, eta, now,
                    campaign.dialedCount, queue.retryPending(tenantId, campaignId), campaign.skippedCount);
        }));
    }

    /**
     * The progress now, then at every change (polled) and at least every heartbeat; the last event is the campaign's
     * final state (completed or cancelled), then the stream closes.
     */
    public Multi<ProgressView> stream(UUID tenantId, UUID campaignId) {
        AtomicReference<ProgressView> sent = new AtomicReference<>();
        AtomicReference<OffsetDateTime> sentAt = new AtomicReference<>();
        AtomicReference<Boolean> done = new AtomicReference<>(false);
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> now(tenantId, campaignId)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .withDelay(pollInterval)
                .whilst(view -> !done.get())
                .select().where(view -> {
                    ProgressView last = sent.get();
                    boolean due = last == null || !view.sameAs(last)
                            || sentAt.get().plus(heartbeat).isBefore(view.at());
                    if (due) {
                        sent.set(view);
                        sentAt.set(view.at());
                    }
                    if (view.ended()) {
                        done.set(true);
                    }
                    return due;
                });
    }
}
