package io.switchboard.calls.sms;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.sms.SmsFailedV1;
import io.switchboard.platform.outbox.Outbox;

/** A provider status for a sent SMS: forward only; failed or undelivered publishes sms.failed once. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SmsStatusUpdates {

    private static final Logger LOG = Logger.getLogger(SmsStatusUpdates.class);
    /** Twilio's message statuses by progress; the last ones are final. */
    static final Map<String, Integer> RANK = Map.ofEntries(Map.entry("sending", 0), Map.entry("accepted", 1),
            Map.entry("scheduled", 1), Map.entry("queued", 2), Map.entry("sent", 3), Map.entry("delivered", 4),
            Map.entry("undelivered", 4), Map.entry("failed", 4), Map.entry("canceled", 4), Map.entry("read", 5));

    private final EntityManager em;
    private final Outbox outbox;

    public SmsStatusUpdates(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    public void apply(UUID tenantId, String sid, String status, String errorCode) {
        SmsMessage m = em.createQuery("from SmsMessage where tenantId = ?1 and providerSid = ?2", SmsMessage.class)
                .setParameter(1, tenantId).setParameter(2, sid).getResultStream().findFirst().orElse(null);
        if (m == null || !RANK.containsKey(status) || RANK.getOrDefault(m.status, 0) >= RANK.get(status)) {
            return;
        }
        m.status = status;
        m.updatedAt = now();
        if (errorCode != null && !errorCode.isBlank()) {
            m.errorCode = errorCode;
        }
        if ("failed".equals(status) || "undelivered".equals(status)) {
            outbox.publish(EventCatalog.SMS_FAILED, tenantId, new SmsFailedV1(m.id.toString(), m.callId.toString(),
                    m.agentId == null ? null : m.agentId.toString(), m.toNumber, sid, m.errorCode, "reported " + status
                            + " by the provider", m.updatedAt.toInstant()));
        }
        LOG.infof("sms status tenant=%s sms=%s sid=%s status=%s", tenantId, m.id, sid, status);
    }
}
