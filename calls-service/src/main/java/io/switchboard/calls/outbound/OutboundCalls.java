package io.switchboard.calls.outbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.calls.call.Call;
import io.switchboard.calls.connection.Provider;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.events.call.CallFailedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.call.CallStatusChangedV1;
import io.switchboard.platform.outbox.Outbox;

/**
 * The outbound call rows and the events answering a dial request, each change with its outbox events in the
 * caller's transaction. The row, unique per tenant and dial request id, is inserted before the provider is asked
 * (docs/outbound.md "Exactly one live call per dial request").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OutboundCalls {

    private static final Logger LOG = Logger.getLogger(OutboundCalls.class);

    private final EntityManager em;
    private final Outbox outbox;

    public OutboundCalls(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** The call a dial request already has, whatever became of it. */
    public Optional<UUID> callFor(UUID tenantId, String dialRequestId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM call WHERE tenant_id = ?1 AND dial_request_id = ?2")
                .setParameter(1, tenantId).setParameter(2, dialRequestId).getResultList();
        return ids.stream().findFirst();
    }

    /** What a new outbound call row holds. */
    public record NewCall(UUID tenantId, String dialRequestId, String toNumber, String fromNumber, UUID agentId,
            UUID campaignId, UUID contactId, UUID connectionId) {
    }

    /**
     * Inserts the {@code queued} call of a dial request (and {@code call.created}); empty when the request already has
     * a call, inserted concurrently by another delivery: that one dials, this one does not.
     */
    public Optional<UUID> insertQueued(NewCall call, Instant at) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = micros(at);
        if (!insert(id, call, "queued", null, now)) {
            return Optional.empty();
        }
        outbox.publish(EventCatalog.CALL_CREATED, call.tenantId(), new CallCreatedV1(id.toString(), "outbound", "queued",
                call.fromNumber(), call.toNumber(), str(call.agentId()), str(call.campaignId()), str(call.contactId()),
                now.toInstant()));
        return Optional.of(id);
    }

    /** A dial request refused before any provider request: its call is recorded {@code failed} and answered once. */
    public void insertRefused(NewCall call, String reason, String detail, Instant at) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = micros(at);
        if (!insert(id, call, "failed", reason, now)) {
            return;
        }
        outbox.publish(EventCatalog.CALL_FAILED, call.tenantId(), new CallFailedV1(id.toString(), call.dialRequestId(),
                str(call.campaignId()), str(call.contactId()), str(call.agentId()), null, str(call.connectionId()),
                call.toNumber(), reason, detail, now.toInstant()));
        LOG.infof("dial refused tenant=%s call=%s dial_request=%s reason=%s", call.tenantId(), id, call.dialRequestId(), reason);
    }

    private boolean insert(UUID id, NewCall call, String status, String endedReason, OffsetDateTime now) {
        return em.createNativeQuery("""
                INSERT INTO call (id, tenant_id, direction, status, from_number, to_number, agent_id, campaign_id,
                    contact_id, connection_id, dial_request_id, ended_reason, ended_at, created_at, updated_at)
                VALUES (?1, ?2, 'outbound', ?3, ?4, ?5, CAST(NULLIF(?6, '') AS uuid), CAST(NULLIF(?7, '') AS uuid),
                    CAST(NULLIF(?8, '') AS uuid), CAST(NULLIF(?9, '') AS uuid), ?10, ?11,
                    CASE WHEN ?3 = 'failed' THEN CAST(?12 AS timestamptz) END, ?12, ?12)
                ON CONFLICT (tenant_id, dial_request_id) WHERE dial_request_id IS NOT NULL DO NOTHING""")
                .setParameter(1, id).setParameter(2, call.tenantId()).setParameter(3, status)
                .setParameter(4, call.fromNumber()).setParameter(5, call.toNumber())
                .setParameter(6, orEmpty(call.agentId())).setParameter(7, orEmpty(call.campaignId()))
                .setParameter(8, orEmpty(call.contactId())).setParameter(9, orEmpty(call.connectionId()))
                .setParameter(10, call.dialRequestId()).setParameter(11, endedReason).setParameter(12, now)
                .executeUpdate() == 1;
    }

    /**
     * The provider accepted the dial: its call id goes on our row ({@code initiated}) and the request is answered with
     * {@code call.initiated}. If a webhook carrying our call id got there first, CallModel already attached the id and
     * answered; if a webhook without our id (Twilio) created a call of its own for the provider's id, that call is the
     * real one: it takes over the dial request and ours is cancelled.
     */
    public void recordAccepted(DialPlan plan, Provider provider, String providerCallId, Instant at) {
        OffsetDateTime now = micros(at);
        UUID tenant = plan.tenantId();
        int updated = em.createNativeQuery("""
                UPDATE call SET provider = ?3, provider_call_id = ?4,
                    status = CASE WHEN status = 'queued' THEN 'initiated' ELSE status END, updated_at = ?5
                WHERE tenant_id = ?1 AND id = ?2 AND provider IS NULL
                  AND NOT EXISTS (SELECT 1 FROM call other
                                  WHERE other.tenant_id = ?1 AND other.provider = ?3 AND other.provider_call_id = ?4)""")
                .setParameter(1, tenant).setParameter(2, plan.callId()).setParameter(3, provider.wire())
                .setParameter(4, providerCallId).setParameter(5, now).executeUpdate();
        if (updated == 1) {
            Call call = reload(plan.callId());
            publishInitiated(call, now);
            if (call.status.wire().equals("initiated")) {
                outbox.publish(EventCatalog.CALL_STATUS_CHANGED, tenant, new CallStatusChangedV1(str(call.id), "queued",
                        "initiated", call.provider, call.providerCallId, null, now.toInstant()));
            }
            LOG.infof("dial accepted tenant=%s call=%s dial_request=%s provider=%s provider_call=%s", tenant, call.id,
                    plan.dialRequestId(), provider.wire(), providerCallId);
            return;
        }
        Call ours = reload(plan.callId());
        if (providerCallId.equals(ours.providerCallId)) {
            LOG.infof("dial accepted, a webhook attached it first tenant=%s call=%s dial_request=%s provider=%s", tenant,
                    ours.id, plan.dialRequestId(), provider.wire());
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> other = em.createNativeQuery("SELECT id FROM call WHERE tenant_id = ?1 AND provider = ?2 AND provider_call_id = ?3 FOR UPDATE")
                .setParameter(1, tenant).setParameter(2, provider.wire()).setParameter(3, providerCallId).getResultList();
        if (other.isEmpty() || ours.providerCallId != null) {
            LOG.warnf("dial accepted but the call changed meanwhile tenant=%s call=%s dial_request=%s status=%s", tenant,
                    ours.id, plan.dialRequestId(), ours.status.wire());
            return;
        }
        UUID real = other.get(0);
        em.createNativeQuery("""
                UPDATE call SET status = 'canceled', dial_request_id = NULL, ended_reason = ?3, ended_at = ?4, updated_at = ?4
                WHERE tenant_id = ?1 AND id = ?2""")
                .setParameter(1, tenant).setParameter(2, ours.id).setParameter(3, "superseded_by " + real)
                .setParameter(4, now).executeUpdate();
        em.createNativeQuery("""
                UPDATE call SET dial_request_id = ?3, direction = 'outbound', agent_id = coalesce(agent_id, ?4),
                    campaign_id = coalesce(campaign_id, ?5), contact_id = coalesce(contact_id, ?6),
                    from_number = coalesce(from_number, ?7), to_number = coalesce(to_number, ?8), updated_at = ?9
                WHERE tenant_id = ?1 AND id = ?2""")
                .setParameter(1, tenant).setParameter(2, real).setParameter(3, plan.dialRequestId())
                .setParameter(4, ours.agentId).setParameter(5, ours.campaignId).setParameter(6, ours.contactId)
                .setParameter(7, ours.fromNumber).setParameter(8, ours.toNumber).setParameter(9, now).executeUpdate();
        em.clear();
        publishInitiated(reload(real), now);
        LOG.warnf("dial accepted after an early webhook created its call tenant=%s call=%s replaces=%s dial_request=%s provider=%s",
                tenant, real, ours.id, plan.dialRequestId(), provider.wire());
    }

    /**
     * The provider refused the dial, or never took it: the queued call fails and the request is answered with
     * {@code call.failed}. A call a webhook has attached meanwhile exists after all and is left as it is.
     */
    public void recordFailed(DialPlan plan, String reason, String detail, Instant at) {
        OffsetDateTime now = micros(at);
        int updated = em.createNativeQuery("""
                UPDATE call SET status = 'failed', ended_reason = ?3, ended_at = ?4, updated_at = ?4
                WHERE tenant_id = ?1 AND id = ?2 AND status = 'queued' AND provider IS NULL""")
                .setParameter(1, plan.tenantId()).setParameter(2, plan.callId()).setParameter(3, reason)
                .setParameter(4, now).executeUpdate();
        if (updated == 0) {
            LOG.warnf("dial failed but its call was reported meanwhile tenant=%s call=%s dial_request=%s reason=%s",
                    plan.tenantId(), plan.callId(), plan.dialRequestId(), reason);
            return;
        }
        ProviderDial dial = plan.dial();
        outbox.publish(EventCatalog.CALL_FAILED, plan.tenantId(), new CallFailedV1(plan.callId().toString(),
                plan.dialRequestId(), plan.campaignId(), plan.contactId(), str(plan.agentId()),
                dial.connection().provider().wire(), dial.connection().id().toString(), dial.toNumber(), reason, detail,
                now.toInstant()));
        LOG.infof("dial failed tenant=%s call=%s dial_request=%s provider=%s reason=%s", plan.tenantId(), plan.callId(),
                plan.dialRequestId(), dial.connection().provider().wire(), reason);
    }

    private void publishInitiated(Call call, OffsetDateTime now) {
        outbox.publish(EventCatalog.CALL_INITIATED, call.tenantId, new CallInitiatedV1(str(call.id), call.provider,
                call.providerCallId, str(call.connectionId), call.direction.wire(), call.status.wire(), call.fromNumber,
                call.toNumber, call.providerAgentId, str(call.campaignId), str(call.contactId), now.toInstant(),
                call.dialRequestId));
    }

    private Call reload(UUID id) {
        Call call = em.find(Call.class, id);
        em.refresh(call);
        return call;
    }

    static OffsetDateTime micros(Instant at) {
        return at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String orEmpty(UUID id) {
        return id == null ? "" : id.toString();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
