package io.switchboard.campaigns.dispatch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.campaigns.campaign.CampaignCounters;
import io.switchboard.campaigns.compliance.DbValues;
import io.switchboard.campaigns.queue.CallQueueItem;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.dial.DialRequestedV1;
import io.switchboard.events.queue.QueueItemSkippedV1;
import io.switchboard.platform.outbox.Outbox;

/**
 * The writes of a decision, in the caller's transaction: the queue row, the concurrency slot, the decision record
 * and the event through the outbox. The one place a dial request id is formed and a slot is taken or given back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DispatchWriter {

    private static final Logger LOG = Logger.getLogger(DispatchWriter.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final DispatcherConfig config;
    private final CampaignCounters counters;

    public DispatchWriter(EntityManager em, Outbox outbox, DispatcherConfig config, CampaignCounters counters) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.counters = counters;
    }

    public static String dialRequestId(UUID queueItemId, int attempt) {
        return queueItemId + ":" + attempt;
    }

    /** Claim: lease, attempt + 1, a slot, the record, {@code dial.requested}. */
    void dial(CallQueueItem item, Instant deadline, Map<String, Object> detail, Instant now, String owner) {
        // as the decision record stores it, so a re-published request carries exactly the same notAfter
        Instant notAfter = deadline.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        OffsetDateTime at = DbValues.utc(now);
        OffsetDateTime leaseExpires = DbValues.utc(now.plus(config.lease()));
        item.attempts++;
        item.status = "processing";
        item.leaseOwner = owner;
        item.leaseExpiresAt = leaseExpires;
        item.lastAttemptAt = at;
        item.lastSkipReason = null;
        item.dialRequestId = dialRequestId(item.id, item.attempts);
        item.updatedAt = at;
        em.createNativeQuery("""
                INSERT INTO active_call (dial_request_id, tenant_id, queue_item_id, campaign_id, call_type, taken_at, expires_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, item.dialRequestId).setParameter(2, item.tenantId).setParameter(3, item.id)
                .setParameter(4, item.campaignId).setParameter(5, item.callType).setParameter(6, at)
                .setParameter(7, leaseExpires).executeUpdate();
        record(item, DialDecision.DIALED, null, notAfter, null, detail, at, owner);
        publishRequest(item, notAfter, now);
        LOG.infof("dial requested tenant=%s queue_item=%s campaign=%s dial_request=%s not_after=%s", item.tenantId,
                item.id, item.campaignId, item.dialRequestId, notAfter);
    }

    /**
     * Reschedule: pending at {@code skip.nextAttempt()} with the reason, the record, {@code queue.item_skipped}, and the
     * campaign's {@code skipped} counter + 1.
     */
    void skip(CallQueueItem item, DialRules.Skip skip, Map<String, Object> detail, Instant now, String owner) {
        OffsetDateTime at = DbValues.utc(now);
        item.status = "pending";
        item.scheduledFor = DbValues.utc(skip.nextAttempt());
        item.lastSkipReason = skip.reason();
        item.leaseOwner = null;
        item.leaseExpiresAt = null;
        item.updatedAt = at;
        record(item, DialDecision.SKIPPED, skip.reason(), null, skip.nextAttempt(), detail, at, owner);
        outbox.publish(EventCatalog.QUEUE_ITEM_SKIPPED, item.tenantId, new QueueItemSkippedV1(item.id.toString(),
                item.callType, str(item.campaignId), item.attempts, skip.reason(), skip.nextAttempt(), now));
        counters.increment(item.tenantId, item.campaignId, CampaignCounters.Counter.SKIPPED);
        LOG.infof("queue item skipped tenant=%s queue_item=%s campaign=%s reason=%s next=%s", item.tenantId, item.id,
                item.campaignId, skip.reason(), skip.nextAttempt());
    }

    /**
     * An expired lease with no call yet: the same dial request again (same id, same notAfter), so calls-service's
     * dedupe on the id can never make it a second call; the lease and the slot are extended.
     */
    void reclaim(CallQueueItem item, Instant originalNotAfter, Instant now, String owner) {
        OffsetDateTime at = DbValues.utc(now);
        OffsetDateTime leaseExpires = DbValues.utc(now.plus(config.lease()));
        item.leaseOwner = owner;
        item.leaseExpiresAt = leaseExpires;
        item.updatedAt = at;
        em.createNativeQuery("UPDATE active_call SET expires_at = ?2 WHERE dial_request_id = ?1")
                .setParameter(1, item.dialRequestId).setParameter(2, leaseExpires).executeUpdate();
        record(item, DialDecision.RECLAIMED, null, originalNotAfter, null,
                Map.of("previousLeaseExpired", true, "notAfterUnchanged", true), at, owner);
        publishRequest(item, originalNotAfter, now);
        LOG.infof("dial request re-published tenant=%s queue_item=%s dial_request=%s", item.tenantId, item.id,
                item.dialRequestId);
    }

    /** Gives the slot of a dial request back; true if it held one (a repeated release changes nothing). */
    boolean release(String dialRequestId, UUID callId) {
        int released = em.createNativeQuery("DELETE FROM active_call WHERE dial_request_id = ?1 OR call_id = ?2")
                .setParameter(1, dialRequestId == null ? "" : dialRequestId)
                .setParameter(2, callId == null ? new UUID(0, 0) : callId).executeUpdate();
        return released > 0;
    }

    /**
     * calls-service placed the call: the slot now waits for the call's terminal event (at most max-call-duration), and
     * the decision record and the lease learn the call id.
     */
    void callStarted(UUID tenant, String dialRequestId, UUID callId, Instant now) {
        OffsetDateTime until = DbValues.utc(now.plus(config.maxCallDuration()));
        em.createNativeQuery("UPDATE active_call SET call_id = ?3, expires_at = ?4 WHERE tenant_id = ?1 AND dial_request_id = ?2")
                .setParameter(1, tenant).setParameter(2, dialRequestId).setParameter(3, callId).setParameter(4, until)
                .executeUpdate();
        em.createNativeQuery("""
                UPDATE dial_decision SET call_id = ?3 WHERE tenant_id = ?1 AND dial_request_id = ?2 AND call_id IS NULL""")
                .setParameter(1, tenant).setParameter(2, dialRequestId).setParameter(3, callId).executeUpdate();
        em.createNativeQuery("""
                UPDATE call_queue SET lease_expires_at = ?3 WHERE tenant_id = ?1 AND dial_request_id = ?2
                  AND status = 'processing'""")
                .setParameter(1, tenant).setParameter(2, dialRequestId).setParameter(3, until).executeUpdate();
    }

    /** The notAfter the first request of {@code dialRequestId} carried (a re-publication repeats it). */
    Optional<Instant> originalNotAfter(UUID tenant, String dialRequestId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                SELECT not_after FROM dial_decision WHERE tenant_id = ?1 AND dial_request_id = ?2 AND outcome = 'dialed'
                ORDER BY decided_at LIMIT 1""").setParameter(1, tenant).setParameter(2, dialRequestId).getResultList();
        return rows.stream().findFirst().map(DbValues::instant);
    }

    private void publishRequest(CallQueueItem item, Instant notAfter, Instant now) {
        outbox.publish(EventCatalog.DIAL_REQUESTED, item.tenantId, new DialRequestedV1(item.dialRequestId,
                item.id.toString(), item.attempts, item.callType, str(item.campaignId), str(item.contactId),
                item.agentId.toString(), item.phone, null, item.variables, notAfter, now));
    }

    private void record(CallQueueItem item, String outcome, String reason, Instant notAfter, Instant next,
            Map<String, Object> detail, OffsetDateTime at, String owner) {
        DialDecision decision = new DialDecision();
        decision.id = UUID.randomUUID();
        decision.tenantId = item.tenantId;
        decision.queueItemId = item.id;
        decision.campaignId = item.campaignId;
        decision.attempt = outcome.equals(DialDecision.SKIPPED) ? item.attempts + 1 : item.attempts;
        decision.outcome = outcome;
        decision.skipReason = reason;
        decision.dialRequestId = outcome.equals(DialDecision.SKIPPED) ? null : item.dialRequestId;
        decision.phone = item.phone;
        decision.notAfter = DbValues.utc(notAfter);
        decision.nextAttemptAt = DbValues.utc(next);
        decision.leaseOwner = owner;
        decision.detail = new java.util.LinkedHashMap<>(detail);
        decision.decidedAt = at;
        em.persist(decision);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
