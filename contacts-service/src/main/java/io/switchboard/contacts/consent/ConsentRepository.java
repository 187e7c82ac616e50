package io.switchboard.contacts.consent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    public List<Consent> listForContact(UUID tenantId, UUID contactId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId and contactId = :contactId" + keyset.and() + keyset.orderBy(),
                keyset.params(Map.of("tenantId", tenantId, "contactId", contactId)))
                .range(0, page.fetchSize() - 1).list();
    }

    public Optional<Consent> findForContact(UUID tenantId, UUID contactId, UUID id) {
        return find("tenantId = ?1 and contactId = ?2 and id = ?3", tenantId, contactId, id).firstResultOptional();
    }

    /** Served by the partial index consent_in_force. */
    public boolean anyValid(UUID tenantId, UUID contactId, String channel, OffsetDateTime at) {
        return count("""
                tenantId = ?1 and contactId = ?2 and channel = ?3 and revokedAt is null and capturedAt <= ?4
                and (expiresAt is null or expiresAt > ?4)""", tenantId, contactId, channel, at) > 0;
    }
}
