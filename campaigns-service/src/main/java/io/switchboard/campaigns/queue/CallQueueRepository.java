package io.switchboard.campaigns.queue;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.campaigns.dispatch.DialRules;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/** Queue rows; every query takes the tenant. */
@ApplicationScoped
public class CallQueueRepository implements PanacheRepositoryBase<CallQueueItem, UUID> {

    /** Every status a row can have (V3), in the order progress reports them. */
    public static final List<String> STATUSES = List.of(CallQueueItem.PENDING, CallQueueItem.PROCESSING,
            CallQueueItem.COMPLETED, CallQueueItem.BUSY, CallQueueItem.NO_ANSWER, CallQueueItem.FAILED, CallQueueItem.CANCELLED);

    public Optional<CallQueueItem> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The row locked for an outcome: concurrent events of one row (its call's and its dial request's) apply in turn. */
    public Optional<CallQueueItem> lockForTenant(UUID tenantId, UUID id) {
        // by primary key through the entity loader, not a query: the outcome handlers run this for every call event,
        // and an HQL query with a lock was re-translated to SQL on each run (docs/dispatcher.md "Benchmark")
        return Optional.ofNullable(getEntityManager().find(CallQueueItem.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(item -> tenantId.equals(item.tenantId));
    }

    /** Cancels the campaign's rows still waiting; rows being dialed finish and report their outcome. */
    public int cancelPending(UUID tenantId, UUID campaignId, String reason, OffsetDateTime now) {
        return update("status = ?1, lastSkipReason = ?2, updatedAt = ?3 where tenantId = ?4 and campaignId = ?5 and status = ?6",
                CallQueueItem.CANCELLED, reason, now, tenantId, campaignId, CallQueueItem.PENDING);
    }

    /** A changed agent or retry limit applies to the rows still to be dialed. */
    public int updateWaiting(UUID tenantId, UUID campaignId, UUID agentId, int maxRetries, OffsetDateTime now) {
        return update("agentId = ?1, maxRetries = ?2, updatedAt = ?3 where tenantId = ?4 and campaignId = ?5 and status in (?6, ?7)",
                agentId, maxRetries, now, tenantId, campaignId, CallQueueItem.PENDING, CallQueueItem.PROCESSING);
    }

    /**
     * Rows the campaign may still dial: processing, or pending unless the dispatcher's last check found the number
     * blocked ({@link DialRules#BLOCKS}: DNC, opt-out, do-not-contact). Blocked rows are rechecked hourly and would
     * otherwise keep the campaign open for ever. A probe for one row, not a count of them all.
     */
    public boolean hasLive(UUID tenantId, UUID campaignId) {
        // a one-row probe in SQL: the HQL form bound the blocked reasons as a list, which Hibernate re-translated on
        // every call, and this runs for every campaign that saw a final outcome
        return !getEntityManager().createNativeQuery("""
                SELECT 1 FROM call_queue WHERE tenant_id = ?1 AND campaign_id = ?2
                  AND (status = 'processing' OR (status = 'pending' AND (last_skip_reason IS NULL
                       OR NOT (last_skip_reason = ANY(?3))))) LIMIT 1""")
                .setParameter(1, tenantId).setParameter(2, campaignId)
                .setParameter(3, DialRules.BLOCKS.toArray(String[]::new)).getResultList().isEmpty();
    }

    /** The campaign's pending rows whose number is blocked become cancelled, keeping the block as their reason. */
    public int cancelBlocked(UUID tenantId, UUID campaignId, OffsetDateTime now) {
        return update("status = ?1, updatedAt = ?2 where tenantId = ?3 and campaignId = ?4 and status = ?5"
                + " and lastSkipReason in ?6", CallQueueItem.CANCELLED, now, tenantId, campaignId, CallQueueItem.PENDING,
                DialRules.BLOCKS);
    }

    public boolean hasAny(UUID tenantId, UUID campaignId) {
        return count("tenantId = ?1 and campaignId = ?2", tenantId, campaignId) > 0;
    }

    /** Rows per status, every status present (0 when none). */
    public Map<String, Long> countsByStatus(UUID tenantId, UUID campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        getEntityManager().createQuery("select q.status, count(q) from CallQueueItem q where q.tenantId = ?1 and q.campaignId = ?2"
                + " group by q.status", Object[].class).setParameter(1, tenantId).setParameter(2, campaignId)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** Pending rows of the campaign that were dialed before: waiting for a retry or a callback. */
    public long retryPending(UUID tenantId, UUID campaignId) {
        return count("tenantId = ?1 and campaignId = ?2 and status = ?3 and kind in (?4, ?5)", tenantId, campaignId,
                CallQueueItem.PENDING, CallQueueItem.RETRY, CallQueueItem.CALLBACK);
    }

    /** Rows of the campaign whose latest attempt started after {@code since} (the dispatcher stamps last_attempt_at at claim). */
    public long attemptsSince(UUID tenantId, UUID campaignId, OffsetDateTime since) {
        return count("tenantId = ?1 and campaignId = ?2 and lastAttemptAt > ?3", tenantId, campaignId, since);
    }

    /** Newest first, optionally one campaign's and one status's; one row more than the page. */
    public List<CallQueueItem> list(UUID tenantId, UUID campaignId, String status, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        Map<String, Object> params = new java.util.HashMap<>(Map.of("tenantId", tenantId));
        StringBuilder where = new StringBuilder("tenantId = :tenantId");
        if (campaignId != null) {
            where.append(" and campaignId = :campaignId");
            params.put("campaignId", campaignId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        return find(where + keyset.and() + keyset.orderBy(), keyset.params(params)).range(0, page.fetchSize() - 1).list();
    }

    /**
     * 1 + the tenant's due pending rows dispatched before this one (direct calls first, then higher priority, then
     * earlier scheduled_for, then id): the dispatcher's order. Null when the row is not pending or not yet due.
     */
    public Long position(CallQueueItem item, OffsetDateTime now) {
        if (!CallQueueItem.PENDING.equals(item.status) || item.scheduledFor.isAfter(now)) {
            return null;
        }
        int direct = CallQueueItem.DIRECT.equals(item.callType) ? 0 : 1;
        Number ahead = (Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM call_queue
                WHERE tenant_id = ?1 AND status = 'pending' AND scheduled_for <= ?2
                  AND (CASE WHEN call_type = 'direct' THEN 0 ELSE 1 END, -priority, scheduled_for, id) < (?3, ?4, ?5, ?6)""")
                .setParameter(1, item.tenantId).setParameter(2, now).setParameter(3, direct).setParameter(4, -item.priority)
                .setParameter(5, item.scheduledFor).setParameter(6, item.id).getSingleResult();
        return ahead.longValue() + 1;
    }
}
