package io.switchboard.campaigns.campaign;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Every query takes the tenant: there is no way to load a campaign without saying whose it is. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    public Optional<Campaign> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<Campaign> findByName(UUID tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    public List<Campaign> listForTenant(UUID tenantId, int page, int size) {
        return find("tenantId", Sort.descending("createdAt", "id"), tenantId).page(Page.of(page, size)).list();
    }
}
