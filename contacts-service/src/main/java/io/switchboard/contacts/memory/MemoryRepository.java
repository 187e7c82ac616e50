package io.switchboard.contacts.memory;

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
public class MemoryRepository implements PanacheRepositoryBase<Memory, UUID> {

    /** Newest first, after the page's cursor; one row more than the limit. */
    public List<Memory> listForContact(UUID tenantId, UUID contactId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId and contactId = :contactId" + keyset.and() + keyset.orderBy(),
                keyset.params(Map.of("tenantId", tenantId, "contactId", contactId)))
                .range(0, page.fetchSize() - 1).list();
    }

    public Optional<Memory> findForContact(UUID tenantId, UUID contactId, UUID id) {
        return find("tenantId = ?1 and contactId = ?2 and id = ?3", tenantId, contactId, id).firstResultOptional();
    }

    /**
     * Stores an auto memory unless this call already produced the same fact (unique index
     * memory_auto_call_fact); true if it was stored.
     */
    public boolean insertAutoIfNew(Memory memory) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO memory (id, tenant_id, contact_id, kind, content, call_id, created_at)
                VALUES (?1, ?2, ?3, 'auto', ?4, ?5, ?6)
                ON CONFLICT (tenant_id, call_id, md5(content)) WHERE kind = 'auto' DO NOTHING""")
                .setParameter(1, memory.id)
                .setParameter(2, memory.tenantId)
                .setParameter(3, memory.contactId)
                .setParameter(4, memory.content)
                .setParameter(5, memory.callId)
                .setParameter(6, memory.createdAt)
                .executeUpdate() == 1;
    }
}
