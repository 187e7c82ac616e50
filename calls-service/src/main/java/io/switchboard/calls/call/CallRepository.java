package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/** Every query takes the tenant: there is no way to load a call without saying whose it is. */
@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<Call, UUID> {

    public Optional<Call> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** Newest first, after the page's cursor; one row more than the limit (see {@link PageRequest#fetchSize()}). */
    public List<Call> listForTenant(UUID tenantId, PageRequest page) {
        return listForTenant(tenantId, CallFilter.none().criteria(), page);
    }

    /** Filtered, newest first; each filter has its own (tenant_id, filter, created_at, id) index. */
    List<Call> listForTenant(UUID tenantId, CallFilter.Criteria criteria, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        String where = criteria.where(params);
        return find("tenantId = :tenantId" + where + keyset.and() + keyset.orderBy(), keyset.params(params))
                .range(0, page.fetchSize() - 1).list();
    }
}
