package io.switchboard.calls.call;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Every query takes the tenant: there is no way to load a call without saying whose it is. */
@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<Call, UUID> {

    public Optional<Call> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<Call> listForTenant(UUID tenantId, int page, int size) {
        return find("tenantId", Sort.descending("createdAt", "id"), tenantId).page(Page.of(page, size)).list();
    }
}
