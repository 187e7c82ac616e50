package io.switchboard.contacts.importer;

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
public class ImportRepository implements PanacheRepositoryBase<ContactImport, UUID> {

    public Optional<ContactImport> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<ContactImport> listForTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }
}
