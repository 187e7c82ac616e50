package io.switchboard.contacts.calls;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The call -> contact link (table contact_call) and a contact's attempt counters; every statement names the tenant. */
@ApplicationScoped
class ContactCalls {

    @Inject
    EntityManager em;

    void link(UUID tenantId, UUID callId, UUID contactId) {
        em.createNativeQuery("""
                INSERT INTO contact_call (tenant_id, call_id, contact_id, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, call_id) DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, callId).setParameter(3, contactId)
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    Optional<UUID> contactOf(UUID tenantId, UUID callId) {
        return em.createNativeQuery("SELECT contact_id FROM contact_call WHERE tenant_id = ?1 AND call_id = ?2", UUID.class)
                .setParameter(1, tenantId).setParameter(2, callId).getResultStream().map(UUID.class::cast).findFirst();
    }

    /** The contact id a call event names, if it is one of the tenant's contacts (events may name a deleted or foreign one). */
    Optional<UUID> known(UUID tenantId, String contactId) {
        if (contactId == null) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(contactId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean exists = !em.createNativeQuery("SELECT 1 FROM contact WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenantId).setParameter(2, id).getResultList().isEmpty();
        return exists ? Optional.of(id) : Optional.empty();
    }

    /** One finished call: the outcome's counter (if any) plus one, the last contact time the later of both. */
    void recordAttempt(UUID tenantId, UUID contactId, Optional<CallOutcome> outcome, OffsetDateTime endedAt) {
        String counter = outcome.map(o -> ", " + o.column() + " = " + o.column() + " + 1").orElse("");
        em.createNativeQuery("UPDATE contact SET last_contact_at = GREATEST(last_contact_at, ?3)" + counter
                + " WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenantId).setParameter(2, contactId).setParameter(3, endedAt).executeUpdate();
    }
}
