package io.switchboard.contacts.dnc;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

@ApplicationScoped
public class DncListRepository implements PanacheRepositoryBase<DncList, UUID> {

    static final String INTERNAL_NAME = "Internal DNC";

    public Optional<DncList> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<DncList> findInternal(UUID tenantId) {
        return find("tenantId = ?1 and internal = true", tenantId).firstResultOptional();
    }

    /** Creates the tenant's internal list unless it exists (the partial unique index keeps it to one). */
    public void insertInternalIfAbsent(UUID tenantId, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO dnc_list (id, tenant_id, name, description, internal, created_at, updated_at)
                VALUES (?1, ?2, ?3, 'The tenant-wide list every call is checked against', true, ?4, ?4)
                ON CONFLICT (tenant_id) WHERE internal DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, INTERNAL_NAME)
                .setParameter(4, now)
                .executeUpdate();
    }

    /** Which of {@code ids} are lists of this tenant. */
    public List<UUID> existing(UUID tenantId, Collection<UUID> ids) {
        return getEntityManager().createQuery("select l.id from DncList l where l.tenantId = :tenantId and l.id in :ids", UUID.class)
                .setParameter("tenantId", tenantId).setParameter("ids", ids).getResultList();
    }

    /** Newest first; the internal list, created first, comes last. */
    public List<DncList> list(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }
}
