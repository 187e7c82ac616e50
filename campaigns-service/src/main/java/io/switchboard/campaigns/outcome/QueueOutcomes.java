package io.switchboard.campaigns.outcome;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.campaigns.campaign.CampaignCounters;
import io.switchboard.campaigns.campaign.CampaignCounters.Counter;
import io.switchboard.campaigns.campaign.CampaignRepository;
import io.switchboard.campaigns.queue.CallQueueItem;
import io.switchboard.campaigns.queue.CallQueueRepository;
import io.switchboard.platform.time.DatabaseTime;

/**
 * Applies call and dial outcomes to queue rows, inside the consuming event's transaction (platform inbox: once per
 * event). Every outcome names the attempt it answers (the dial request id, directly or through the call): one that is
 * not the row's current attempt, or that finds the row no longer processing, is stale and changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class QueueOutcomes {

    private static final Logger LOG = Logger.getLogger(QueueOutcomes.class);

    @Inject
    CallQueueRepository queue;

    @Inject
    CampaignRepository campaigns;

    @Inject
    CampaignCompletion completion;

    @Inject
    CampaignCounters counters;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "switchboard.campaigns.callback-default-delay-minutes", defaultValue = "1440")
    int callbackDefaultDelayMinutes;

    /** The queue row id of {@code "<queueItemId>:<attempt>"}, or empty for anything else. */
    static Optional<UUID> itemOf(String dialRequestId) {
        return io.switchboard.campaigns.dispatch.DispatchWriter.queueItemOf(dialRequestId);
    }

    /** call.initiated: the call answers a dial request; the row records it (and the campaign counts a dial). */
    public void initiated(UUID tenantId, String callId, String dialRequestId) {
        Optional<CallQueueItem> found = itemOf(dialRequestId).flatMap(id -> queue.lockForTenant(tenantId, id));
        if (found.isEmpty()) {
            return;
        }
        CallQueueItem item = found.get();
        int linked = em.createNativeQuery("""
                INSERT INTO queue_call (call_id, tenant_id, queue_item_id, dial_request_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.fromString(callId)).setParameter(2, tenantId).setParameter(3, item.id)
                .setParameter(4, dialRequestId).setParameter(5, DatabaseTime.now()).executeUpdate();
        if (linked == 0 || !dialRequestId.equals(item.dialRequestId)) {
            LOG.infof("stale call.initiated ignored tenant=%s item=%s call=%s", tenantId, item.id, callId);
            return;
        }
        item.callId = UUID.fromString(callId);
        item.updatedAt = DatabaseTime.now();
        counters.increment(tenantId, item.campaignId, Counter.DIALED);
        LOG.infof("queue item dialed tenant=%s item=%s call=%s", tenantId, item.id, callId);
    }

    /** call.completed: the row's outcome, found through the call it placed. */
    public void completed(UUID tenantId, String callId, Outcome outcome) {
        current(tenantId, callId).ifPresent(item -> apply(tenantId, item, outcome, true));
    }

    /** call.failed: no live call exists; like a failed outcome (an invalid number is never retried). */
    public void failed(UUID tenantId, String dialRequestId, String reason) {
        currentAttempt(tenantId, dialRequestId)
                .ifPresent(item -> apply(tenantId, item, Outcome.FAILED, !"invalid_number".equals(reason)));
    }

    /** dial.expired: never dialed; back to pending at once, the attempt not counted against the retries. */
    public void expired(UUID tenantId, String dialRequestId) {
        currentAttempt(tenantId, dialRequestId).ifPresent(item -> {
            OffsetDateTime now = DatabaseTime.now();
            item.status = CallQueueItem.PENDING;
            item.expirations++;
            item.lastOutcome = "expired";
            item.scheduledFor = now;
            release(item, now);
            counters.increment(tenantId, item.campaignId, Counter.EXPIRED);
            LOG.infof("dial request expired tenant=%s item=%s request=%s", tenantId, item.id, dialRequestId);
        });
    }

    /**
     * A call's analysis: a request never to be called again (read by {@link io.switchboard.events.call.CallAnalyzedV1#asksNotToBeCalled}) wins; otherwise a
     * callback at the moment {@link Callbacks#requested} reads. The analysis often arrives after the call's terminal
     * status (VAPI's end-of-call report follows its "ended" status update, Retell's call_analyzed its call_ended): then
     * call.completed carried no dnc disposition and the row already holds its outcome, so the request applies here.
     */
    public void fromAnalysis(UUID tenantId, String callId, java.util.Map<String, Object> structuredData) {
        rowOfCall(tenantId, callId).ifPresent(row -> {
            if (io.switchboard.events.call.CallAnalyzedV1.asksNotToBeCalled(structuredData)) {
                doNotCall(tenantId, row, callId);
                return;
            }
            Campaign campaign = row.item().campaignId == null ? null
                    : campaigns.findForTenant(tenantId, row.item().campaignId).orElse(null);
            ZoneId zone = recipientZone(row.item(), campaign);
            Callbacks.requested(structuredData, zone, DatabaseTime.now())
                    .ifPresent(at -> callback(tenantId, row.item(), row.dialRequestId(), at));
        });
    }

    /** A person set a call's disposition: callback (no time in the event: after the default delay) or dnc. */
    public void dispositionChanged(UUID tenantId, String callId, String disposition, boolean callbackFlag, boolean dncFlag) {
        rowOfCall(tenantId, callId).ifPresent(row -> {
            if ("dnc".equals(disposition) || dncFlag) {
                doNotCall(tenantId, row, callId);
            } else if ("callback".equals(disposition) || callbackFlag) {
                callback(tenantId, row.item(), row.dialRequestId(), DatabaseTime.now().plusMinutes(callbackDefaultDelayMinutes));
            }
        });
    }

    /**
     * The person asked never to be called again: the row is cancelled when it waits for a retry or a callback, or when
     * this call was its latest attempt and already gave it a final status (completed, busy, ...). While this call is
     * still live nothing changes here: its call.completed carries the dnc disposition.
     */
    private void doNotCall(UUID tenantId, CallRow row, String callId) {
        CallQueueItem item = row.item();
        boolean current = row.dialRequestId().equals(item.dialRequestId);
        boolean finalAfterThisCall = current && (CallQueueItem.COMPLETED.equals(item.status)
                || CallQueueItem.BUSY.equals(item.status) || CallQueueItem.NO_ANSWER.equals(item.status)
                || CallQueueItem.FAILED.equals(item.status));
        if (!CallQueueItem.PENDING.equals(item.status) && !finalAfterThisCall) {
            return;
        }
        OffsetDateTime now = DatabaseTime.now();
        item.status = CallQueueItem.CANCELLED;
        item.lastOutcome = Outcome.DNC.wire;
        item.callbackAt = null;
        release(item, now);
        counters.increment(tenantId, item.campaignId, Counter.DNC);
        LOG.infof("queue item cancelled by a do-not-call request tenant=%s item=%s call=%s", tenantId, item.id, callId);
        completeIfDone(tenantId, item);
    }

    private void callback(UUID tenantId, CallQueueItem item, String dialRequestId, OffsetDateTime at) {
        OffsetDateTime now = DatabaseTime.now();
        boolean current = dialRequestId.equals(item.dialRequestId);
        if (CallQueueItem.PROCESSING.equals(item.status) && current) {
            item.callbackAt = at; // the call is still live: its outcome schedules the callback
        } else if (CallQueueItem.PENDING.equals(item.status)
                || (current && (CallQueueItem.COMPLETED.equals(item.status) || CallQueueItem.BUSY.equals(item.status)
                        || CallQueueItem.NO_ANSWER.equals(item.status) || CallQueueItem.FAILED.equals(item.status)))) {
            if (!CallQueueItem.PENDING.equals(item.status) && liveDuplicate(tenantId, item)) {
                LOG.infof("callback not queued, the number is live again tenant=%s item=%s", tenantId, item.id);
                return;
            }
            item.status = CallQueueItem.PENDING;
            item.kind = CallQueueItem.CALLBACK;
            item.priority = CallQueueItem.PRIORITY_CALLBACK;
            item.scheduledFor = at;
            item.callbackAt = null;
            release(item, now);
        } else {
            return; // cancelled (dnc, campaign cancelled) or a later attempt is live: nothing to call back
        }
        counters.increment(tenantId, item.campaignId, Counter.CALLBACK);
        LOG.infof("callback scheduled tenant=%s item=%s at=%s", tenantId, item.id, at);
    }

    private void apply(UUID tenantId, CallQueueItem item, Outcome outcome, boolean retryAllowed) {
        OffsetDateTime now = DatabaseTime.now();
        Campaign campaign = item.campaignId == null || !retryAllowed ? null
                : campaigns.findForTenant(tenantId, item.campaignId).orElse(null);
        OutcomeRules.Next next = OutcomeRules.after(outcome, item.attempts, item.expirations, item.maxRetries, campaign,
                item.callbackAt, now);
        item.lastOutcome = outcome.wire;
        item.status = next.status();
        if (next.pending()) {
            item.kind = next.kind();
            item.scheduledFor = next.scheduledFor();
            item.priority = next.priority();
            if (CallQueueItem.CALLBACK.equals(next.kind())) {
                counters.increment(tenantId, item.campaignId, Counter.CALLBACK);
            }
        }
        item.callbackAt = null;
        release(item, now);
        counters.increment(tenantId, item.campaignId, outcome.counter);
        LOG.infof("queue outcome tenant=%s item=%s outcome=%s status=%s attempts=%d", tenantId, item.id, outcome.wire,
                item.status, item.attempts);
        if (!next.pending()) {
            completeIfDone(tenantId, item);
        }
    }

    /** The campaign completes when nothing is left to dial: checked once per campaign when the tenant's events are applied. */
    private void completeIfDone(UUID tenantId, CallQueueItem item) {
        completion.request(tenantId, item.campaignId);
    }

    /** Not processing any more: the lease is over (V3: a processing row has one, others need none). */
    private static void release(CallQueueItem item, OffsetDateTime now) {
        if (!CallQueueItem.PROCESSING.equals(item.status)) {
            item.leaseOwner = null;
            item.leaseExpiresAt = null;
        }
        item.updatedAt = now;
    }

    private boolean liveDuplicate(UUID tenantId, CallQueueItem item) {
        return item.campaignId != null && queue.count("tenantId = ?1 and campaignId = ?2 and phone = ?3 and status in (?4, ?5)"
                + " and id <> ?6", tenantId, item.campaignId, item.phone, CallQueueItem.PENDING, CallQueueItem.PROCESSING, item.id) > 0;
    }

    private record CallRow(CallQueueItem item, String dialRequestId) {
    }

    private Optional<CallRow> rowOfCall(UUID tenantId, String callId) {
        if (callId == null) {
            return Optional.empty();
        }
        UUID call;
        try {
            call = UUID.fromString(callId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery(
                "SELECT queue_item_id, dial_request_id FROM queue_call WHERE tenant_id = ?1 AND call_id = ?2")
                .setParameter(1, tenantId).setParameter(2, call).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty(); // not a call the dialer placed
        }
        String dialRequestId = (String) rows.get(0)[1];
        return queue.lockForTenant(tenantId, (UUID) rows.get(0)[0]).map(item -> new CallRow(item, dialRequestId));
    }

    /** The row, if this call is its current attempt and the attempt is still open. */
    private Optional<CallQueueItem> current(UUID tenantId, String callId) {
        return rowOfCall(tenantId, callId).filter(row -> row.dialRequestId().equals(row.item().dialRequestId)
                && CallQueueItem.PROCESSING.equals(row.item().status)).map(CallRow::item);
    }

    private Optional<CallQueueItem> currentAttempt(UUID tenantId, String dialRequestId) {
        return itemOf(dialRequestId).flatMap(id -> queue.lockForTenant(tenantId, id))
                .filter(item -> dialRequestId.equals(item.dialRequestId) && CallQueueItem.PROCESSING.equals(item.status));
    }

    /** The zone a local callback time is read in: the campaign's under its policy, else the recipient's first zone. */
    static ZoneId recipientZone(CallQueueItem item, Campaign campaign) {
        String zone = campaign != null && "campaign".equals(campaign.timeZonePolicy) && campaign.timeZone != null
                ? campaign.timeZone
                : item.timeZones.isEmpty() ? null : item.timeZones.get(0);
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
