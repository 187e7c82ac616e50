package io.switchboard.campaigns.dispatch;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * <p>
 * A dispatch turn decides its rows into a {@link Turn} and writes them with {@link #write}: one UPDATE of every
 * claimed row, one INSERT of the slots, one of the decision records and one of the outbox rows (arrays unnested
 * server-side), whatever the number of rows — a statement per row was what held the dispatcher to ~50 dials/s
 * (docs/dispatcher.md "Benchmark"). The claimed rows must not be managed entities (the turn detaches them), so
 * their in-memory changes reach the table only through that one UPDATE.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DispatchWriter {

    private static final Logger LOG = Logger.getLogger(DispatchWriter.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final DispatcherConfig config;
    private final ObjectMapper json;
    private final CampaignCounters counters;

    public DispatchWriter(EntityManager em, Outbox outbox, DispatcherConfig config, ObjectMapper json, CampaignCounters counters) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.counters = counters;
    }

    /** The writes of one tenant's turn, collected while its rows are decided; {@link #write} records them. */
    static final class Turn {
        final UUID tenant;
        final Instant now;
        final String owner;
        final List<CallQueueItem> rows = new ArrayList<>();
        final List<CallQueueItem> slots = new ArrayList<>();
        final List<DialDecision> decisions = new ArrayList<>();
        final List<Outbox.Prepared> events = new ArrayList<>();

        Turn(UUID tenant, Instant now, String owner) {
            this.tenant = tenant;
            this.now = now;
            this.owner = owner;
        }
    }

    public static String dialRequestId(UUID queueItemId, int attempt) {
        return queueItemId + ":" + attempt;
    }

    /** The queue row id of a {@link #dialRequestId} {@code "<queueItemId>:<attempt>"}, or empty for anything else. */
    public static Optional<UUID> queueItemOf(String dialRequestId) {
        if (dialRequestId == null) {
            return Optional.empty();
        }
        int colon = dialRequestId.lastIndexOf(':');
        try {
            return colon < 0 ? Optional.empty() : Optional.of(UUID.fromString(dialRequestId.substring(0, colon)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Claim: lease, attempt + 1, a slot, the record, {@code dial.requested} (written by {@link #write}). */
    void dial(Turn turn, CallQueueItem item, Instant deadline, Map<String, Object> detail) {
        Instant now = turn.now;
        String owner = turn.owner;
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
        turn.rows.add(item);
        turn.slots.add(item);
        turn.decisions.add(decision(item, DialDecision.DIALED, null, notAfter, null, detail, at, owner));
        turn.events.add(outbox.prepare(EventCatalog.DIAL_REQUESTED, item.tenantId, request(item, notAfter, now)));
        LOG.infof("dial requested tenant=%s queue_item=%s campaign=%s dial_request=%s not_after=%s", item.tenantId,
                item.id, item.campaignId, item.dialRequestId, notAfter);
    }

    /**
     * Reschedule: pending at {@code skip.nextAttempt()} with the reason, the record, {@code queue.item_skipped}, and the
     * campaign's {@code skipped} counter + 1.
     */
    void skip(Turn turn, CallQueueItem item, DialRules.Skip skip, Map<String, Object> detail) {
        Instant now = turn.now;
        String owner = turn.owner;
        OffsetDateTime at = DbValues.utc(now);
        item.status = "pending";
        item.scheduledFor = DbValues.utc(skip.nextAttempt());
        item.lastSkipReason = skip.reason();
        item.leaseOwner = null;
        item.leaseExpiresAt = null;
        item.updatedAt = at;
        turn.rows.add(item);
        turn.decisions.add(decision(item, DialDecision.SKIPPED, skip.reason(), null, skip.nextAttempt(), detail, at, owner));
        turn.events.add(outbox.prepare(EventCatalog.QUEUE_ITEM_SKIPPED, item.tenantId, new QueueItemSkippedV1(
                item.id.toString(), item.callType, str(item.campaignId), item.attempts, skip.reason(), skip.nextAttempt(), now)));
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
        em.persist(decision(item, DialDecision.RECLAIMED, null, originalNotAfter, null,
                Map.of("previousLeaseExpired", true, "notAfterUnchanged", true), at, owner));
        outbox.publish(EventCatalog.DIAL_REQUESTED, item.tenantId, request(item, originalNotAfter, now));
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
        // by primary key: call_queue has no index on dial_request_id, and the id is part of it
        queueItemOf(dialRequestId).ifPresent(item -> em.createNativeQuery("""
                UPDATE call_queue SET lease_expires_at = ?3 WHERE tenant_id = ?1 AND id = ?4 AND dial_request_id = ?2
                  AND status = 'processing'""")
                .setParameter(1, tenant).setParameter(2, dialRequestId).setParameter(3, until).setParameter(4, item)
                .executeUpdate());
    }

    /** The notAfter the first request of {@code dialRequestId} carried (a re-publication repeats it). */
    Optional<Instant> originalNotAfter(UUID tenant, String dialRequestId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                SELECT not_after FROM dial_decision WHERE tenant_id = ?1 AND dial_request_id = ?2 AND outcome = 'dialed'
                ORDER BY decided_at LIMIT 1""").setParameter(1, tenant).setParameter(2, dialRequestId).getResultList();
        return rows.stream().findFirst().map(DbValues::instant);
    }

    private static DialRequestedV1 request(CallQueueItem item, Instant notAfter, Instant now) {
        return new DialRequestedV1(item.dialRequestId, item.id.toString(), item.attempts, item.callType,
                str(item.campaignId), str(item.contactId), item.agentId.toString(), item.phone, null, item.variables,
                notAfter, now);
    }

    private static DialDecision decision(CallQueueItem item, String outcome, String reason, Instant notAfter,
            Instant next, Map<String, Object> detail, OffsetDateTime at, String owner) {
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
        return decision;
    }

    /**
     * Records a turn in its transaction: the rows' new state, the slots of the dialed ones, the decision records and
     * the events, in four statements. Every row was claimed FOR UPDATE by this transaction, so each is updated.
     */
    void write(Turn turn) {
        if (turn.rows.isEmpty()) {
            return;
        }
        int n = turn.rows.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        Integer[] attempts = new Integer[n];
        Timestamp[] scheduledFor = new Timestamp[n];
        Timestamp[] lastAttemptAt = new Timestamp[n];
        String[] leaseOwners = new String[n];
        Timestamp[] leaseExpiresAt = new Timestamp[n];
        String[] skipReasons = new String[n];
        String[] dialRequestIds = new String[n];
        Timestamp[] updatedAt = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            CallQueueItem item = turn.rows.get(i);
            ids[i] = item.id;
            statuses[i] = item.status;
            attempts[i] = item.attempts;
            scheduledFor[i] = timestamp(item.scheduledFor);
            lastAttemptAt[i] = timestamp(item.lastAttemptAt);
            leaseOwners[i] = item.leaseOwner;
            leaseExpiresAt[i] = timestamp(item.leaseExpiresAt);
            skipReasons[i] = item.lastSkipReason;
            dialRequestIds[i] = item.dialRequestId;
            updatedAt[i] = timestamp(item.updatedAt);
        }
        int d = turn.decisions.size();
        UUID[] decisionIds = new UUID[d];
        UUID[] decisionItems = new UUID[d];
        UUID[] decisionCampaigns = new UUID[d];
        Integer[] decisionAttempts = new Integer[d];
        String[] outcomes = new String[d];
        String[] reasons = new String[d];
        String[] decisionRequests = new String[d];
        String[] phones = new String[d];
        Timestamp[] notAfter = new Timestamp[d];
        Timestamp[] nextAttempt = new Timestamp[d];
        String[] details = new String[d];
        for (int i = 0; i < d; i++) {
            DialDecision decision = turn.decisions.get(i);
            decisionIds[i] = decision.id;
            decisionItems[i] = decision.queueItemId;
            decisionCampaigns[i] = decision.campaignId;
            decisionAttempts[i] = decision.attempt;
            outcomes[i] = decision.outcome;
            reasons[i] = decision.skipReason;
            decisionRequests[i] = decision.dialRequestId;
            phones[i] = decision.phone;
            notAfter[i] = timestamp(decision.notAfter);
            nextAttempt[i] = timestamp(decision.nextAttemptAt);
            details[i] = jsonOf(decision.detail);
        }
        int s = turn.slots.size();
        String[] slotRequests = new String[s];
        UUID[] slotItems = new UUID[s];
        UUID[] slotCampaigns = new UUID[s];
        String[] slotTypes = new String[s];
        for (int i = 0; i < s; i++) {
            CallQueueItem item = turn.slots.get(i);
            slotRequests[i] = item.dialRequestId;
            slotItems[i] = item.id;
            slotCampaigns[i] = item.campaignId;
            slotTypes[i] = item.callType;
        }
        Timestamp now = Timestamp.from(turn.now);
        Timestamp leaseExpires = Timestamp.from(turn.now.plus(config.lease()));
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE call_queue q SET status = u.status, attempts = u.attempts, scheduled_for = u.scheduled_for,
                        last_attempt_at = u.last_attempt_at, lease_owner = u.lease_owner, lease_expires_at = u.lease_expires_at,
                        last_skip_reason = u.last_skip_reason, dial_request_id = u.dial_request_id, updated_at = u.updated_at
                    FROM unnest(?::uuid[], ?::text[], ?::int4[], ?::timestamptz[], ?::timestamptz[], ?::text[],
                                ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[])
                        AS u(id, status, attempts, scheduled_for, last_attempt_at, lease_owner, lease_expires_at,
                             last_skip_reason, dial_request_id, updated_at)
                    WHERE q.tenant_id = ? AND q.id = u.id""")) {
                int p = 1;
                update.setArray(p++, connection.createArrayOf("uuid", ids));
                update.setArray(p++, connection.createArrayOf("text", statuses));
                update.setArray(p++, connection.createArrayOf("int4", attempts));
                update.setArray(p++, connection.createArrayOf("timestamptz", scheduledFor));
                update.setArray(p++, connection.createArrayOf("timestamptz", lastAttemptAt));
                update.setArray(p++, connection.createArrayOf("text", leaseOwners));
                update.setArray(p++, connection.createArrayOf("timestamptz", leaseExpiresAt));
                update.setArray(p++, connection.createArrayOf("text", skipReasons));
                update.setArray(p++, connection.createArrayOf("text", dialRequestIds));
                update.setArray(p++, connection.createArrayOf("timestamptz", updatedAt));
                update.setObject(p, turn.tenant);
                int updated = update.executeUpdate();
                if (updated != n) {
                    throw new IllegalStateException("a claimed row changed under its lock: " + updated + " of " + n + " updated");
                }
            }
            if (s > 0) {
                try (PreparedStatement slots = connection.prepareStatement("""
                        INSERT INTO active_call (dial_request_id, tenant_id, queue_item_id, campaign_id, call_type, taken_at, expires_at)
                        SELECT a.dial_request_id, ?, a.queue_item_id, a.campaign_id, a.call_type, ?, ?
                        FROM unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[]) AS a(dial_request_id, queue_item_id, campaign_id, call_type)""")) {
                    slots.setObject(1, turn.tenant);
                    slots.setTimestamp(2, now);
                    slots.setTimestamp(3, leaseExpires);
                    slots.setArray(4, connection.createArrayOf("text", slotRequests));
                    slots.setArray(5, connection.createArrayOf("uuid", slotItems));
                    slots.setArray(6, connection.createArrayOf("uuid", slotCampaigns));
                    slots.setArray(7, connection.createArrayOf("text", slotTypes));
                    slots.executeUpdate();
                }
            }
            try (PreparedStatement decisions = connection.prepareStatement("""
                    INSERT INTO dial_decision (id, tenant_id, queue_item_id, campaign_id, attempt, outcome, skip_reason,
                        dial_request_id, phone, not_after, next_attempt_at, lease_owner, detail, decided_at)
                    SELECT r.id, ?, r.queue_item_id, r.campaign_id, r.attempt, r.outcome, r.skip_reason, r.dial_request_id,
                        r.phone, r.not_after, r.next_attempt_at, ?, r.detail::jsonb, ?
                    FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[],
                                ?::timestamptz[], ?::timestamptz[], ?::text[])
                        AS r(id, queue_item_id, campaign_id, attempt, outcome, skip_reason, dial_request_id, phone,
                             not_after, next_attempt_at, detail)""")) {
                int p = 1;
                decisions.setObject(p++, turn.tenant);
                decisions.setString(p++, turn.owner);
                decisions.setTimestamp(p++, now);
                decisions.setArray(p++, connection.createArrayOf("uuid", decisionIds));
                decisions.setArray(p++, connection.createArrayOf("uuid", decisionItems));
                decisions.setArray(p++, connection.createArrayOf("uuid", decisionCampaigns));
                decisions.setArray(p++, connection.createArrayOf("int4", decisionAttempts));
                decisions.setArray(p++, connection.createArrayOf("text", outcomes));
                decisions.setArray(p++, connection.createArrayOf("text", reasons));
                decisions.setArray(p++, connection.createArrayOf("text", decisionRequests));
                decisions.setArray(p++, connection.createArrayOf("text", phones));
                decisions.setArray(p++, connection.createArrayOf("timestamptz", notAfter));
                decisions.setArray(p++, connection.createArrayOf("timestamptz", nextAttempt));
                decisions.setArray(p, connection.createArrayOf("text", details));
                decisions.executeUpdate();
            }
        });
        outbox.publishPrepared(turn.events);
    }

    private String jsonOf(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision detail not serializable", e);
        }
    }

    private static Timestamp timestamp(OffsetDateTime at) {
        return at == null ? null : Timestamp.from(at.toInstant());
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
