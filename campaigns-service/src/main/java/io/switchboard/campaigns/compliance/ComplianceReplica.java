package io.switchboard.campaigns.compliance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.switchboard.events.EventEnvelope;
import io.switchboard.platform.time.DatabaseTime;

/**
 * Writes the replicas the dial-time checks read: blocked numbers (DNC lists, voice opt-outs, do-not-contact
 * customers), consents, conversations and credit balances, each from the owning context's events, plus the last
 * event each replica consumed per tenant (named in every decision record). Runs inside the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ComplianceReplica {

    public static final String CONTACTS = "contacts";
    public static final String CREDITS = "credits";

    private final EntityManager em;

    public ComplianceReplica(EntityManager em) {
        this.em = em;
    }

    public void block(UUID tenant, String phone, String kind, String ref, boolean internal, Instant since) {
        em.createNativeQuery("""
                INSERT INTO blocked_number (tenant_id, phone, kind, ref, internal, since) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (tenant_id, phone, kind, ref) DO UPDATE SET internal = EXCLUDED.internal""")
                .setParameter(1, tenant).setParameter(2, phone).setParameter(3, kind).setParameter(4, ref)
                .setParameter(5, internal).setParameter(6, utc(since)).executeUpdate();
    }

    public void unblock(UUID tenant, String phone, String kind, String ref) {
        em.createNativeQuery("DELETE FROM blocked_number WHERE tenant_id = ?1 AND phone = ?2 AND kind = ?3 AND ref = ?4")
                .setParameter(1, tenant).setParameter(2, phone).setParameter(3, kind).setParameter(4, ref).executeUpdate();
    }

    /** An opt-out removal names its id, not always its phone's other rows: delete by id. */
    public void unblockRef(UUID tenant, String kind, String ref) {
        em.createNativeQuery("DELETE FROM blocked_number WHERE tenant_id = ?1 AND kind = ?2 AND ref = ?3")
                .setParameter(1, tenant).setParameter(2, kind).setParameter(3, ref).executeUpdate();
    }

    public void consentGranted(UUID tenant, String consentId, String phone, String channel, String type,
            Instant capturedAt, Instant expiresAt) {
        em.createNativeQuery("""
                INSERT INTO consent_replica (tenant_id, consent_id, phone, channel, consent_type, captured_at, expires_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (tenant_id, consent_id) DO UPDATE SET phone = EXCLUDED.phone, channel = EXCLUDED.channel,
                    consent_type = EXCLUDED.consent_type, captured_at = EXCLUDED.captured_at, expires_at = EXCLUDED.expires_at""")
                .setParameter(1, tenant).setParameter(2, consentId).setParameter(3, phone).setParameter(4, channel)
                .setParameter(5, type).setParameter(6, utc(capturedAt)).setParameter(7, utc(expiresAt)).executeUpdate();
    }

    public void consentRevoked(UUID tenant, String consentId, String phone, String channel, Instant revokedAt) {
        em.createNativeQuery("""
                INSERT INTO consent_replica (tenant_id, consent_id, phone, channel, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (tenant_id, consent_id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at""")
                .setParameter(1, tenant).setParameter(2, consentId).setParameter(3, phone).setParameter(4, channel)
                .setParameter(5, utc(revokedAt == null ? Instant.now() : revokedAt)).executeUpdate();
    }

    public void conversation(UUID tenant, String phone, Instant at) {
        em.createNativeQuery("""
                INSERT INTO conversation_replica (tenant_id, phone, last_conversation_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (tenant_id, phone) DO UPDATE
                    SET last_conversation_at = GREATEST(conversation_replica.last_conversation_at, EXCLUDED.last_conversation_at)""")
                .setParameter(1, tenant).setParameter(2, phone).setParameter(3, utc(at)).executeUpdate();
    }

    /** Keyed by tenant, so events arrive in order; a redelivered older one never moves the balance back. */
    public void balance(UUID tenant, long balance, Instant at) {
        em.createNativeQuery("""
                INSERT INTO credit_balance (tenant_id, balance, changed_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (tenant_id) DO UPDATE SET balance = EXCLUDED.balance, changed_at = EXCLUDED.changed_at
                WHERE credit_balance.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, tenant).setParameter(2, balance).setParameter(3, utc(at)).executeUpdate();
    }

    public void consumed(String replica, EventEnvelope<?> event) {
        em.createNativeQuery("""
                INSERT INTO replica_position (tenant_id, replica, last_event_id, last_event_type, last_event_time, consumed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (tenant_id, replica) DO UPDATE SET last_event_id = EXCLUDED.last_event_id,
                    last_event_type = EXCLUDED.last_event_type, last_event_time = EXCLUDED.last_event_time,
                    consumed_at = EXCLUDED.consumed_at""")
                .setParameter(1, event.tenantId()).setParameter(2, replica).setParameter(3, event.id())
                .setParameter(4, event.type().type()).setParameter(5, event.time()).setParameter(6, DatabaseTime.now())
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
