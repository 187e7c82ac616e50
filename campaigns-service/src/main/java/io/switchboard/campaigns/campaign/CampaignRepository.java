package io.switchboard.campaigns.campaign;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/** Every query takes the tenant: there is no way to load a campaign without saying whose it is. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    public Optional<Campaign> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<Campaign> findByName(UUID tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    /** Newest first, after the page's cursor; one row more than the limit (see {@link PageRequest#fetchSize()}). */
    public List<Campaign> listForTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }
}
